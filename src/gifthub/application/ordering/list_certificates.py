from __future__ import annotations

from uuid import UUID

from gifthub.application.errors import InvalidCursor
from gifthub.application.ordering.access import order_for
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.certificate import Certificate
from gifthub.domain.identity import Principal


class ListCertificates:
    """An order's certificates with their state, failure reason and delivery status."""

    def __init__(self, uow: OrdersUnitOfWork) -> None:
        self._uow = uow

    async def execute(
        self, principal: Principal, project_id: UUID, order_id: UUID, *, limit: int, cursor: str | None
    ) -> Page[Certificate]:
        check_limit(limit)
        after = decode_cursor(cursor, 1)
        if after is not None and not isinstance(after[0], int):
            raise InvalidCursor("cursor is not one this API issued", field="cursor")
        async with self._uow as uow:
            await order_for(uow, principal, project_id, order_id, write=False)
            rows = await uow.certificates.list_for_order(
                order_id, after_position=int(after[0]) if after else None, limit=limit + 1
            )
        return page_of(rows, limit, lambda c: encode_cursor(c.position))
