from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol
from uuid import UUID

from gifthub.domain.billing.invoice import Invoice, InvoiceStatus


@dataclass(frozen=True)
class InvoiceFilter:
    project_id: UUID | None = None
    cabinet_ids: frozenset[UUID] | None = None  # None: every cabinet (platform staff)
    status: InvoiceStatus | None = None
    issued_from: date | None = None
    issued_to: date | None = None  # inclusive
    # Also these projects of these cabinets (an accountant's grants); applies only with ``cabinet_ids``.
    granted: tuple[frozenset[UUID], frozenset[UUID]] = (frozenset(), frozenset())


class InvoiceRepository(Protocol):
    async def next_sequence(self, seller_id: UUID, year: int) -> int:
        """The next number of this seller and year; the counter row stays locked until commit, so
        numbers are gapless (a rolled-back issue gives its number back) and never repeat."""
        ...

    async def add(self, invoice: Invoice) -> None: ...

    async def update(self, invoice: Invoice) -> None: ...

    async def update_many(self, invoices: list[Invoice]) -> None:
        """Status and paid amount of many invoices in one round trip."""
        ...

    async def get(self, invoice_id: UUID, *, for_update: bool = False) -> Invoice | None: ...

    async def by_numbers(self, numbers: list[str], *, for_update: bool = False) -> list[Invoice]: ...

    async def list(self, where: InvoiceFilter, *, after: tuple[str, str] | None, limit: int) -> list[Invoice]:
        """Newest first, keyset-paged on (created_at, id) descending."""
        ...

    async def overdue(self, today: date, limit: int) -> list[Invoice]:
        """Issued, unpaid invoices whose due date is before ``today`` (locked for update)."""
        ...
