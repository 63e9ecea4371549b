from __future__ import annotations

from types import TracebackType
from typing import Protocol

from gifthub.application.ports.audit_repository import AuditRepository
from gifthub.application.ports.cabinet_repository import CabinetRepository
from gifthub.application.ports.ledger_repository import LedgerRepository
from gifthub.application.ports.project_repository import ProjectRepository
from gifthub.domain.events import DomainEvent


class UnitOfWork(Protocol):
    """One transaction. Commit is explicit; leaving without commit rolls back.

    Events recorded by aggregates the repositories touched go to the outbox in the same commit.
    ``commit`` raises ConcurrencyConflict for a storage-level race the caller may retry.
    """

    cabinets: CabinetRepository
    projects: ProjectRepository
    ledger: LedgerRepository
    audit: AuditRepository  # append-only: sensitive actions are recorded in the same commit

    async def __aenter__(self) -> UnitOfWork: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def record(self, event: DomainEvent) -> None:
        """Put an event that belongs to no aggregate (an email to send, a lead to create) in the outbox."""
        ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...
