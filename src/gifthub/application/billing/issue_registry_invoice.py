from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.billing.issuing import InvoiceIssuer
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.vat_schedule_source import VatScheduleSource
from gifthub.domain.billing.invoice import Buyer, Invoice, InvoiceKind, InvoiceLine
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money


@dataclass(frozen=True)
class RegistryLine:
    title: str  # e.g. "Сертификат Ozon"
    nominal: Money
    quantity: int


@dataclass(frozen=True)
class RegistryInvoiceCommand:
    project_id: UUID
    order_id: UUID
    lines: tuple[RegistryLine, ...]
    buyer: Buyer | None = None


class IssueRegistryInvoice:
    """The invoice for an order's certificate registry (called when an order awaits payment).

    Paying it in full records RegistryInvoicePaid(order_id), which moves the order on.
    """

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, ids: IdGenerator, vat: VatScheduleSource) -> None:
        self._issuer = InvoiceIssuer(uow, clock, ids, vat)

    async def execute(self, principal: Principal, command: RegistryInvoiceCommand) -> Invoice:
        lines = tuple(InvoiceLine(line.title, line.nominal, line.quantity) for line in command.lines)
        return await self._issuer.issue(
            principal,
            project_id=command.project_id,
            kind=InvoiceKind.REGISTRY,
            lines=lines,
            buyer=command.buyer,
            order_id=command.order_id,
        )
