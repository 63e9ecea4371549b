from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.audit_trail import audit_project, money_state
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
    """Cancel a draft or an order awaiting payment; whatever was held for it goes back. Audited under the
    cabinet with the order and the project's money before and after."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: CancelOrderCommand) -> Order:
        async with self._uow as uow:
            project, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            now = self._clock.now()
            before = _cancel_state(order, project)
            order.cancel(now)
            if order.hold_id is not None:
                hold = await uow.ledger.get_hold(order.hold_id)
                if hold is not None:
                    entry = release_rest(project, hold, self._ids.new_id(), now)
                    if entry is not None:
                        uow.ledger.add_entry(entry)
            uow.orders.add(order)
            audit_project(
                uow, self._ids.new_id(), now, principal, "order.cancelled", project,
                before=before, after=_cancel_state(order, project),
            )  # fmt: skip
            await uow.commit()
            return order


def _cancel_state(order: Order, project) -> dict[str, object]:
    return {
        "order_id": order.id,
        "status": order.status.value,
        "total": order.total.to_string(),
        **money_state(project),
    }
