from __future__ import annotations

from uuid import UUID

from gifthub.application.ordering.access import order_for
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.order import Order


class GetOrder:
    def __init__(self, uow: OrdersUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, project_id: UUID, order_id: UUID) -> Order:
        async with self._uow as uow:
            _, order = await order_for(uow, principal, project_id, order_id, write=False)
            return order
