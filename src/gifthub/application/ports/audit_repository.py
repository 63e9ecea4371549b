from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from gifthub.domain.audit import AuditRecord


@dataclass(frozen=True)
class AuditQuery:
    cabinet_id: UUID | None = None
    action: str | None = None
    actor: str | None = None
    since: datetime | None = None
    until: datetime | None = None


class AuditRepository(Protocol):
    """Append-only: there is no update and no delete."""

    def add(self, record: AuditRecord) -> None: ...

    async def list(self, query: AuditQuery, *, after: tuple[str, str] | None, limit: int) -> list[AuditRecord]:
        """Oldest first, keyset-paged on (created_at, id)."""
        ...
