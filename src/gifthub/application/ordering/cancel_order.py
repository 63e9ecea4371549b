from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ordering.access import order_for
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.order import Order
from gifthub.domain.order_settlement import release_rest


@dataclass(frozen=True)
class CancelOrderCommand:
    project_id: UUID
    order_id: UUID


class CancelOrder:
    """Cancel a draft or an order awaiting payment; whatever was held for it goes back."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: CancelOrderCommand) -> Order:
        async with self._uow as uow:
            project, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            now = self._clock.now()
            order.cancel(now)
            if order.hold_id is not None:
                hold = await uow.ledger.get_hold(order.hold_id)
                if hold is not None:
                    entry = release_rest(project, hold, self._ids.new_id(), now)
                    if entry is not None:
                        uow.ledger.add_entry(entry)
            uow.orders.add(order)
            await uow.commit()
            return order
