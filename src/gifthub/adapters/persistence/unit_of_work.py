"""The SQLAlchemy unit of work: one session, explicit commit, events to the outbox on commit."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.errors import as_port_error
from gifthub.adapters.persistence.outbox_writer import write_outbox
from gifthub.adapters.persistence.repositories.audit import SqlAuditRepository
from gifthub.adapters.persistence.repositories.cabinets import SqlCabinetRepository
from gifthub.adapters.persistence.repositories.ledger import SqlLedgerRepository
from gifthub.adapters.persistence.repositories.projects import SqlProjectRepository
from gifthub.adapters.persistence.repositories.tracker import Tracker
from gifthub.domain.events import DomainEvent


class SqlAlchemyUnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("the unit of work is not entered")
        return self._session

    async def __aenter__(self) -> SqlAlchemyUnitOfWork:
        if self._session is not None:
            raise RuntimeError("the unit of work is already in use")
        self._session = self._sessions()
        self.tracker = Tracker()
        self.cabinets = SqlCabinetRepository(self._session, self.tracker)
        self.projects = SqlProjectRepository(self._session, self.tracker)
        self.ledger = SqlLedgerRepository(self._session)
        self.audit = SqlAuditRepository(self._session)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        try:
            # Detach first: what the use case returns stays readable (a rollback would expire it).
            session.expunge_all()
            await session.rollback()
        finally:
            await session.close()
        if isinstance(exc, DBAPIError):
            mapped = as_port_error(exc)
            if mapped is not exc:
                raise mapped from exc

    def record(self, event: DomainEvent) -> None:
        self.tracker.record(event)

    async def commit(self) -> None:
        session = self.session
        try:
            await self.ledger.flush()
            await write_outbox(session, self.tracker.collect_events())
            await session.commit()
        except DBAPIError as error:
            raise as_port_error(error) from error

    async def rollback(self) -> None:
        await self.session.rollback()
