from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.billing.payment import Payment, PaymentStatus


class PaymentRepository(Protocol):
    async def known_references(self, references: list[str]) -> set[str]: ...

    async def add(self, payment: Payment) -> None:
        """A second payment with the same reference fails at commit (ConcurrencyConflict)."""
        ...

    async def update(self, payment: Payment) -> None: ...

    async def get(self, payment_id: UUID, *, for_update: bool = False) -> Payment | None: ...

    async def uncredited_among(self, references: list[str]) -> list[Payment]:
        """Of these payments, the applied ones whose top-up has not been confirmed yet."""
        ...

    async def list(self, status: PaymentStatus | None, *, after: tuple[str, str] | None, limit: int) -> list[Payment]:
        """Oldest first, keyset-paged on (received_at, id)."""
        ...

    async def uncredited(self, limit: int) -> list[Payment]:
        """Applied payments whose top-up has not been confirmed yet."""
        ...

    async def references_in_ledger(self, references: list[str]) -> set[str]:
        """Which of these payment references already have a top-up in the project ledger."""
        ...

    async def mark_credited(self, payment_ids: list[UUID]) -> None: ...
