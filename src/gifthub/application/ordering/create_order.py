from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ordering.access import project_for
from gifthub.application.ordering.commands import DraftInput, Idempotency
from gifthub.application.ordering.duplicates import ensure_no_duplicates
from gifthub.application.ordering.idempotency import OrderOutcome, remember, replay, scope_of
from gifthub.application.ordering.lines import LineBuilder, build_lines
from gifthub.application.ordering.preparation import prepare
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.application.ports.pricing_reader import PricingReader
from gifthub.domain.delivery import parse_delivered_by
from gifthub.domain.identity import Principal
from gifthub.domain.order import Order


@dataclass(frozen=True)
class CreateOrderCommand:
    project_id: UUID
    draft: DraftInput
    idempotency: Idempotency | None = None


class CreateOrder:
    """Save a new draft order (lines may be added later)."""

    def __init__(
        self, uow: OrdersUnitOfWork, catalog: CatalogReader, pricing: PricingReader, clock: Clock, ids: IdGenerator
    ) -> None:
        self._uow, self._catalog, self._pricing, self._clock, self._ids = uow, catalog, pricing, clock, ids

    async def execute(self, principal: Principal, command: CreateOrderCommand) -> OrderOutcome:
        scope = scope_of("create", principal, command.project_id)
        draft = command.draft
        prepared = await prepare(
            self._uow, LineBuilder(self._catalog, self._pricing), principal, command.project_id, draft.lines
        )
        timezone = draft.timezone or prepared.time_zone  # a zone the request names wins
        async with self._uow as uow:
            project = await project_for(uow, principal, command.project_id, write=True)
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
                sender_name=draft.sender_name,
                timezone=timezone,
                delivered_by=parse_delivered_by(draft.delivered_by),
            )
            lines = build_lines(project, draft.lines, prepared.priced, self._ids.new_id)
            ensure_no_duplicates(lines, allow=draft.allow_duplicates)
            order.replace_lines(lines, now)
            order.schedule(draft.scheduled_at, timezone, now)
            uow.orders.add(order)
            await remember(uow, scope, command.idempotency, order)
            await uow.commit()
            return OrderOutcome(order)
