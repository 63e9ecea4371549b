from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_step_up
from gifthub.application.ordering.access import project_for
from gifthub.application.ordering.commands import Idempotency, LineInput, RecipientInput
from gifthub.application.ordering.duplicates import ensure_no_duplicates
from gifthub.application.ordering.idempotency import OrderOutcome, remember, replay, scope_of
from gifthub.application.ordering.lines import LineBuilder, build_lines
from gifthub.application.ordering.preparation import prepare
from gifthub.application.ordering.submit_order import place_and_queue
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.application.ports.pricing_reader import PricingReader
from gifthub.domain.delivery import parse_delivered_by
from gifthub.domain.identity import Principal
from gifthub.domain.order import Order
from gifthub.domain.order_duplicates import Place
from gifthub.domain.order_errors import InvalidOrder
from gifthub.domain.order_line import OrderLine
from gifthub.domain.order_settlement import submit_order


@dataclass(frozen=True)
class QuickOrderCommand:
    project_id: UUID
    product_id: str
    nominal: str
    emails: tuple[str, ...]
    sender_name: str = ""
    message: str = ""
    idempotency: Idempotency | None = None
    delivered_by: str = "giftery"
    allow_duplicates: bool = False  # the same email twice is meant: two certificates for one person


def _email_field(_lines: Sequence[OrderLine], place: Place) -> str:
    return f"emails[{place.recipient}]"  # one line, one nominal: a recipient is its email's index


class QuickOrder:
    """One product, one nominal, a list of emails: created and submitted in one step."""

    def __init__(
        self, uow: OrdersUnitOfWork, catalog: CatalogReader, pricing: PricingReader, clock: Clock, ids: IdGenerator
    ) -> None:
        self._uow, self._catalog, self._pricing, self._clock, self._ids = uow, catalog, pricing, clock, ids

    async def execute(self, principal: Principal, command: QuickOrderCommand) -> OrderOutcome:
        if not command.emails:
            raise InvalidOrder("list at least one email", field="emails")
        scope = scope_of("quick", principal, command.project_id)
        recipients = tuple(RecipientInput(email=e, message=command.message) for e in command.emails)
        line = LineInput(command.product_id, command.nominal, 1, recipients=recipients)
        prepared = await prepare(
            self._uow, LineBuilder(self._catalog, self._pricing), principal, command.project_id, [line]
        )
        async with self._uow as uow:
            project = await project_for(uow, principal, command.project_id, write=True)
            ensure_step_up(principal, self._clock.now(), "a quick order")
            replayed = await replay(uow, scope, command.idempotency)
            if replayed is not None:
                return replayed
            now = self._clock.now()
            order = Order.draft(
                self._ids.new_id(),
                project.id,
                project.cabinet_id,
                project.currency,
                str(principal),
                now,
                sender_name=command.sender_name,
                timezone=prepared.time_zone,
                source="quick",
                delivered_by=parse_delivered_by(command.delivered_by),
            )
            lines = build_lines(project, [line], prepared.priced, self._ids.new_id, prefix="quick")
            ensure_no_duplicates(lines, allow=command.allow_duplicates, field_of=_email_field)
            order.replace_lines(lines, now)
            placed = submit_order(order, project, self._ids.new_id(), self._ids.new_id(), now)
            if placed is not None:
                place_and_queue(uow, placed, order, self._ids, now)
            uow.orders.add(order)
            await remember(uow, scope, command.idempotency, order)
            await uow.commit()
            return OrderOutcome(order)
