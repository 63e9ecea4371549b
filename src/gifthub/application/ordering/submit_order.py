from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_step_up
from gifthub.application.ordering.access import order_for
from gifthub.application.ordering.commands import Idempotency
from gifthub.application.ordering.idempotency import OrderOutcome, remember, replay, scope_of
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.order import Order
from gifthub.domain.order_settlement import submit_order
from gifthub.domain.project import Project


@dataclass(frozen=True)
class SubmitOrderCommand:
    project_id: UUID
    order_id: UUID
    idempotency: Idempotency | None = None


def place_and_queue(uow: OrdersUnitOfWork, placed, order: Order, ids: IdGenerator, now) -> None:
    """The hold, its ledger line, the order's new state and its certificates: one transaction."""
    hold, entry = placed
    uow.ledger.add_hold(hold)
    uow.ledger.add_entry(entry)
    uow.certificates.add_many(order.issue_certificates(ids.new_id, now))


class SubmitOrder:
    """ "К оплате": hold the total and queue the order, or leave it awaiting payment with an invoice request."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: SubmitOrderCommand) -> OrderOutcome:
        scope = scope_of("submit", principal, command.project_id)
        async with self._uow as uow:
            project, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            ensure_step_up(principal, self._clock.now(), "submitting an order")
            replayed = await replay(uow, scope, command.idempotency)
            if replayed is not None:
                return replayed
            await self._submit(uow, project, order)
            await remember(uow, scope, command.idempotency, order)
            await uow.commit()
            return OrderOutcome(order)

    async def _submit(self, uow: OrdersUnitOfWork, project: Project, order: Order) -> None:
        now = self._clock.now()
        placed = submit_order(order, project, self._ids.new_id(), self._ids.new_id(), now)
        if placed is not None:
            place_and_queue(uow, placed, order, self._ids, now)
        uow.orders.add(order)
