"""The append-only ledger: entries that move a project's posted balance or held amount."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from gifthub.domain.money import Money
from gifthub.domain.reference import Reference


class EntryKind(StrEnum):
    TOP_UP = "top_up"  # balance += amount
    HOLD = "hold"  # held += amount
    RELEASE = "release"  # held -= amount
    CAPTURE = "capture"  # held -= amount, balance -= amount
    ADJUSTMENT = "adjustment"  # balance += amount (signed)


@dataclass(eq=False)
class LedgerEntry:
    """One immutable line. ``sequence`` is gapless per project; ``*_after`` are running totals."""

    id: UUID
    project_id: UUID
    sequence: int
    kind: EntryKind
    amount: Money
    reference: Reference
    hold_id: UUID | None
    balance_after: Money
    held_after: Money
    created_at: datetime
    comment: str = ""

    @property
    def balance_delta(self) -> Money:
        if self.kind in (EntryKind.TOP_UP, EntryKind.ADJUSTMENT):
            return self.amount
        if self.kind is EntryKind.CAPTURE:
            return -self.amount
        return Money.zero(self.amount.currency)

    @property
    def held_delta(self) -> Money:
        if self.kind is EntryKind.HOLD:
            return self.amount
        if self.kind in (EntryKind.RELEASE, EntryKind.CAPTURE):
            return -self.amount
        return Money.zero(self.amount.currency)

    def same_operation(self, kind: EntryKind, amount: Money | None, project_id: UUID) -> bool:
        """A replay of this entry: same project, kind and (when given) amount."""
        return self.project_id == project_id and self.kind is kind and (amount is None or self.amount == amount)
