"""The core unit of work plus the identity repositories on the same session and transaction."""

from __future__ import annotations

from gifthub.adapters.persistence.repositories.api_clients import SqlApiClientRepository
from gifthub.adapters.persistence.repositories.auth_sessions import SqlAuthSessionRepository
from gifthub.adapters.persistence.repositories.cabinet_policies import SqlCabinetPolicyRepository
from gifthub.adapters.persistence.repositories.one_time_tokens import SqlOneTimeTokenRepository
from gifthub.adapters.persistence.repositories.throttles import SqlThrottleRepository
from gifthub.adapters.persistence.repositories.users import SqlUserRepository
from gifthub.adapters.persistence.unit_of_work import SqlAlchemyUnitOfWork


class SqlIdentityUnitOfWork(SqlAlchemyUnitOfWork):
    async def __aenter__(self) -> SqlIdentityUnitOfWork:
        await super().__aenter__()
        self.users = SqlUserRepository(self.session)
        self.auth_sessions = SqlAuthSessionRepository(self.session)
        self.api_clients = SqlApiClientRepository(self.session)
        self.throttles = SqlThrottleRepository(self.session)
        self.one_time_tokens = SqlOneTimeTokenRepository(self.session)
        self.cabinet_policies = SqlCabinetPolicyRepository(self.session)
        return self
