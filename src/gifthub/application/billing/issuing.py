"""The shared part of issuing an invoice offer: seller, VAT, gapless number, events, notice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from gifthub.application.authorization import ensure_sees_project
from gifthub.application.errors import NotFound
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.vat_schedule_source import VatScheduleSource
from gifthub.application.retry import retrying
from gifthub.domain.billing.events import InvoiceIssued
from gifthub.domain.billing.invoice import (
    Buyer,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
    check_lines,
    format_number,
    sum_lines,
)
from gifthub.domain.billing.vat import vat_included
from gifthub.domain.email_messages import InvoiceIssuedEmail
from gifthub.domain.events import EmailRequested
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.domain.project import Project

# How long the offer stands; after that the expiry job closes it unless money came.
PAYMENT_TERM_DAYS = 5
# Invoices are dated by the accounting calendar (Moscow), not by UTC midnight.
ACCOUNTING_ZONE = ZoneInfo("Europe/Moscow")


class InvoiceIssuer:
    def __init__(self, uow: BillingUnitOfWork, clock: Clock, ids: IdGenerator, vat: VatScheduleSource) -> None:
        self._uow, self._clock, self._ids, self._vat = uow, clock, ids, vat

    async def issue(
        self,
        principal: Principal,
        *,
        project_id: UUID,
        kind: InvoiceKind,
        lines: tuple[InvoiceLine, ...],
        buyer: Buyer | None,
        order_id: UUID | None = None,
        authorize: Callable[[Principal, Project], None] | None = None,
    ) -> Invoice:
        async def attempt() -> Invoice:
            async with self._uow as uow:
                project = ensure_sees_project(principal, await uow.projects.get(project_id))
                if authorize is not None:
                    authorize(principal, project)
                check_lines(lines, project.currency)
                seller = await uow.sellers.active_for(project.region)
                if seller is None:
                    raise NotFound(f"no seller issues invoices in {project.region.value} yet", field="region")
                now = self._clock.now()
                today = now.astimezone(ACCOUNTING_ZONE).date()
                total = sum_lines(lines)
                if seller.vat_exempt:
                    percent, vat = None, Money.zero(total.currency)
                else:
                    percent = self._vat.schedule().percent_on(project.region, today)
                    vat = vat_included(total, percent)
                sequence = await uow.invoices.next_sequence(seller.id, today.year)
                invoice = Invoice(
                    id=self._ids.new_id(),
                    seller_id=seller.id,
                    project_id=project.id,
                    number=format_number(seller.number_prefix, today.year, sequence),
                    kind=kind,
                    issued_on=today,
                    due_on=today + timedelta(days=PAYMENT_TERM_DAYS),
                    buyer=buyer or Buyer(name=project.name),
                    lines=lines,
                    vat_percent=percent,
                    vat=vat,
                    status=InvoiceStatus.ISSUED,
                    paid=Money.zero(total.currency),
                    created_at=now,
                    order_id=order_id,
                )
                await uow.invoices.add(invoice)
                uow.record(
                    InvoiceIssued(
                        occurred_at=now,
                        invoice_id=invoice.id,
                        number=invoice.number,
                        seller_id=seller.id,
                        project_id=project.id,
                        kind=kind.value,
                        issued_on=today.isoformat(),
                        currency=total.currency.value,
                        total=total.to_string(),
                        vat=vat.to_string(),
                        vat_percent=str(percent) if percent is not None else None,
                        buyer_name=invoice.buyer.name,
                        buyer_inn=invoice.buyer.inn,
                        order_id=order_id,
                    )
                )
                if invoice.buyer.email:
                    uow.record(
                        EmailRequested.of(
                            InvoiceIssuedEmail(
                                invoice_id=str(invoice.id),
                                number=invoice.number,
                                amount=total.to_string(),
                                currency=total.currency.value,
                                due_on=invoice.due_on.isoformat(),
                            ),
                            to=invoice.buyer.email,
                            occurred_at=now,
                            dedup_key=f"invoice_issued:{invoice.id}",
                        )
                    )
                await uow.commit()
                return invoice

        return await retrying(attempt)
