from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from gifthub.domain.hold import Hold
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.reference import Reference


@dataclass(frozen=True)
class EntryFilter:
    project_id: UUID
    kinds: frozenset[EntryKind] | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    before_sequence: int | None = None  # cursor: entries older than this one


class LedgerRepository(Protocol):
    def add_entry(self, entry: LedgerEntry) -> None: ...

    async def insert_entries(self, entries: list[LedgerEntry]) -> None:
        """Write many new entries at once, right away, in the current transaction (batch postings)."""
        ...

    def add_hold(self, hold: Hold) -> None: ...

    async def find_entry(self, kind: EntryKind, reference: Reference) -> LedgerEntry | None:
        """The entry already posted for this operation, platform-wide: the idempotency key."""
        ...

    async def get_hold(self, hold_id: UUID) -> Hold | None: ...

    async def find_hold(self, reference: Reference) -> Hold | None: ...

    async def list_entries(self, entry_filter: EntryFilter, limit: int) -> list[LedgerEntry]:
        """Newest first."""
        ...

    async def totals(self, project_id: UUID) -> tuple[int, int]:
        """(sum of balance deltas, sum of held deltas) in minor units, from the entries themselves."""
        ...
