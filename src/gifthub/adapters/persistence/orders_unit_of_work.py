"""The unit of work of the ordering capability: the shared one plus order repositories, one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.repositories.audit import SqlAuditRepository
from gifthub.adapters.persistence.repositories.certificates import SqlCertificateRepository
from gifthub.adapters.persistence.repositories.order_keys import SqlOrderIdempotencyStore
from gifthub.adapters.persistence.repositories.order_uploads import SqlOrderUploadRepository
from gifthub.adapters.persistence.repositories.orders import SqlOrderRepository
from gifthub.adapters.persistence.repositories.person_zones import SqlPersonZones
from gifthub.adapters.persistence.unit_of_work import SqlAlchemyUnitOfWork
from gifthub.application.ports.clock import Clock


class SqlOrdersUnitOfWork(SqlAlchemyUnitOfWork):
    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        super().__init__(sessions)
        self._clock = clock

    async def __aenter__(self) -> SqlOrdersUnitOfWork:
        await super().__aenter__()
        self.orders = SqlOrderRepository(self.session, self.tracker)
        self.certificates = SqlCertificateRepository(self.session)
        self.order_keys = SqlOrderIdempotencyStore(self.session, self._clock)
        self.order_uploads = SqlOrderUploadRepository(self.session, self._clock)
        self.zones = SqlPersonZones(self.session)
        self.audit = SqlAuditRepository(self.session)
        return self
