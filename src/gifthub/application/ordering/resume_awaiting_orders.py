from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_step_up
from gifthub.application.ordering.access import project_for
from gifthub.application.ordering.submit_order import place_and_queue
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.order import OrderStatus
from gifthub.domain.order_settlement import queue_paid


@dataclass(frozen=True)
class ResumeOrdersAwaitingPaymentCommand:
    project_id: UUID


class ResumeOrdersAwaitingPayment:
    """Funds arrived (a top-up, a paid invoice): hold and queue the waiting orders, oldest first,
    as far as ``available`` goes. Billing's payment consumer calls it; so may a person."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: ResumeOrdersAwaitingPaymentCommand) -> list[UUID]:
        queued: list[UUID] = []
        async with self._uow as uow:
            project = await project_for(uow, principal, command.project_id, write=True)
            ensure_step_up(principal, self._clock.now(), "paying orders from the balance")
            waiting = await uow.orders.list(
                project.id, statuses=frozenset({OrderStatus.AWAITING_PAYMENT}), after=None, limit=1000
            )
            now = self._clock.now()
            for listed in waiting:
                order = await uow.orders.get(listed.id, for_update=True)
                if order is None or order.total > project.available:
                    continue  # a smaller later order may still fit
                placed = queue_paid(order, project, self._ids.new_id(), self._ids.new_id(), now)
                place_and_queue(uow, placed, order, self._ids, now)
                uow.orders.add(order)
                queued.append(order.id)
            await uow.commit()
        return queued
