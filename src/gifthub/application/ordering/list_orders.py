from __future__ import annotations

from uuid import UUID

from gifthub.application.ordering.access import project_for
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.order import Order, OrderStatus


class ListOrders:
    def __init__(self, uow: OrdersUnitOfWork) -> None:
        self._uow = uow

    async def execute(
        self,
        principal: Principal,
        project_id: UUID,
        *,
        statuses: frozenset[OrderStatus] | None = None,
        limit: int,
        cursor: str | None,
    ) -> Page[Order]:
        check_limit(limit)
        after = decode_cursor(cursor, 2)
        async with self._uow as uow:
            await project_for(uow, principal, project_id, write=False)
            rows = await uow.orders.list(
                project_id, statuses=statuses, after=tuple(after) if after else None, limit=limit + 1
            )
        return page_of(rows, limit, lambda o: encode_cursor(o.created_at.isoformat(), str(o.id)))
