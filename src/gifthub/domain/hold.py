"""A reservation of funds for something in flight (an order); captured or released in parts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from gifthub.domain.errors import HoldClosed, HoldExceeded
from gifthub.domain.money import Money, require_positive
from gifthub.domain.reference import Reference


class HoldStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


@dataclass(eq=False)
class Hold:
    id: UUID
    project_id: UUID
    reference: Reference
    amount: Money
    captured: Money
    released: Money
    created_at: datetime

    @property
    def remaining(self) -> Money:
        return self.amount - self.captured - self.released

    @property
    def status(self) -> HoldStatus:
        return HoldStatus.OPEN if self.remaining.is_positive else HoldStatus.CLOSED

    def take(self, amount: Money | None) -> Money:
        """How much a capture or release may take: all of the remainder, or a part of it."""
        if self.status is HoldStatus.CLOSED:
            raise HoldClosed(f"hold {self.reference} is closed: nothing remains to capture or release")
        if amount is None:
            return self.remaining
        require_positive(amount)
        if amount > self.remaining:
            raise HoldExceeded(
                f"hold {self.reference} has {self.remaining.to_string()} remaining; {amount.to_string()} requested",
                field="amount",
            )
        return amount
