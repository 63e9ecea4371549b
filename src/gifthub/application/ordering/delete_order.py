from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ordering.access import order_for
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal


@dataclass(frozen=True)
class DeleteOrderCommand:
    project_id: UUID
    order_id: UUID


class DeleteOrder:
    """Only a draft is deleted; anything further along keeps its history (cancel it instead)."""

    def __init__(self, uow: OrdersUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, command: DeleteOrderCommand) -> None:
        async with self._uow as uow:
            _, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            order.ensure_deletable()
            await uow.orders.delete(order)
            await uow.commit()
