from __future__ import annotations

from typing import Protocol

from gifthub.application.ports.api_client_repository import ApiClientRepository
from gifthub.application.ports.auth_session_repository import AuthSessionRepository
from gifthub.application.ports.cabinet_policy_repository import CabinetPolicyRepository
from gifthub.application.ports.one_time_token_repository import OneTimeTokenRepository
from gifthub.application.ports.throttle_repository import ThrottleRepository
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.application.ports.user_repository import UserRepository


class IdentityUnitOfWork(UnitOfWork, Protocol):
    """The core unit of work plus the identity repositories, in the same transaction."""

    users: UserRepository
    auth_sessions: AuthSessionRepository
    api_clients: ApiClientRepository
    throttles: ThrottleRepository
    one_time_tokens: OneTimeTokenRepository
    cabinet_policies: CabinetPolicyRepository

    async def __aenter__(self) -> IdentityUnitOfWork: ...
