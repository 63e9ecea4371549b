from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.order import Order, OrderStatus


class OrderRepository(Protocol):
    def add(self, order: Order) -> None: ...

    async def get(self, order_id: UUID, *, for_update: bool = False) -> Order | None:
        """``for_update`` locks the order's row (take the project's lock first: a fixed lock order)."""
        ...

    async def list(
        self, project_id: UUID, *, statuses: frozenset[OrderStatus] | None, after: tuple[str, str] | None, limit: int
    ) -> list[Order]:
        """Ordered by (created_at, id)."""
        ...

    async def delete(self, order: Order) -> None: ...

    async def ids_in_status(self, status: OrderStatus, limit: int) -> list[UUID]: ...

    async def scheduled_and_delivered(self, limit: int) -> list[UUID]:
        """Scheduled orders none of whose certificates waits any more: ready to be completed."""
        ...
