from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_finance, with_step_up
from gifthub.application.billing.issuing import InvoiceIssuer
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.vat_schedule_source import VatScheduleSource
from gifthub.domain.billing.invoice import Buyer, Invoice, InvoiceKind, InvoiceLine
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money, require_positive

TOP_UP_TITLE = "Пополнение баланса проекта на платформе GiftHub (аванс)"


@dataclass(frozen=True)
class TopUpInvoiceCommand:
    project_id: UUID
    amount: Money
    buyer: Buyer | None = None


class IssueTopUpInvoice:
    """An invoice offer to fund a project by any amount, asked for by the owner, an accountant
    of the project or a platform administrator."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, ids: IdGenerator, vat: VatScheduleSource) -> None:
        self._issuer, self._clock = InvoiceIssuer(uow, clock, ids, vat), clock

    async def execute(self, principal: Principal, command: TopUpInvoiceCommand) -> Invoice:
        require_positive(command.amount)
        line = InvoiceLine(TOP_UP_TITLE, command.amount, 1)
        return await self._issuer.issue(
            principal,
            project_id=command.project_id,
            kind=InvoiceKind.TOP_UP,
            lines=(line,),
            buyer=command.buyer,
            authorize=with_step_up(ensure_can_manage_finance, self._clock.now(), "issuing an invoice"),
        )
