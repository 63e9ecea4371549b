from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ordering.access import order_for
from gifthub.application.ordering.commands import DraftInput
from gifthub.application.ordering.duplicates import ensure_no_duplicates
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
class EditOrderCommand:
    project_id: UUID
    order_id: UUID
    draft: DraftInput  # the whole draft as it should be now


class EditOrder:
    def __init__(
        self, uow: OrdersUnitOfWork, catalog: CatalogReader, pricing: PricingReader, clock: Clock, ids: IdGenerator
    ) -> None:
        self._uow, self._catalog, self._pricing, self._clock, self._ids = uow, catalog, pricing, clock, ids

    async def execute(self, principal: Principal, command: EditOrderCommand) -> Order:
        draft = command.draft
        prepared = await prepare(
            self._uow, LineBuilder(self._catalog, self._pricing), principal, command.project_id, draft.lines
        )
        async with self._uow as uow:
            project, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            now = self._clock.now()
            lines = build_lines(project, draft.lines, prepared.priced, self._ids.new_id)
            ensure_no_duplicates(lines, allow=draft.allow_duplicates)
            order.replace_lines(lines, now)
            order.set_sender(draft.sender_name, now)
            order.deliver_by(parse_delivered_by(draft.delivered_by), now)
            order.schedule(draft.scheduled_at, draft.timezone or order.timezone, now)  # no zone named: kept
            uow.orders.add(order)
            await uow.commit()
            return order
