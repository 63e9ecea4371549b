"""Cancelling an invoice, and the job that expires unpaid ones."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.audit_trail import audit_project
from gifthub.application.authorization import ensure_can_manage_finance
from gifthub.application.billing.invoice_queries import visible_invoice
from gifthub.application.billing.issuing import ACCOUNTING_ZONE
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.domain.billing.events import InvoiceStatusChanged
from gifthub.domain.billing.invoice import Invoice
from gifthub.domain.identity import Principal


class CancelInvoice:
    """An unpaid invoice is cancelled; audited under its cabinet with its state before and after."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, invoice_id: UUID) -> Invoice:
        async with self._uow as uow:
            invoice = await visible_invoice(uow, principal, invoice_id)
            project = await uow.projects.get(invoice.project_id)
            ensure_can_manage_finance(principal, project)
            invoice = await uow.invoices.get(invoice_id, for_update=True)
            before = _invoice_state(invoice)
            invoice.cancel()
            await uow.invoices.update(invoice)
            now = self._clock.now()
            uow.record(InvoiceStatusChanged(now, invoice.id, invoice.number, invoice.status.value))
            audit_project(
                uow, self._ids.new_id(), now, principal, "invoice.cancelled", project,
                before=before, after=_invoice_state(invoice),
            )  # fmt: skip
            await uow.commit()
        return invoice


def _invoice_state(invoice: Invoice) -> dict[str, object]:
    return {
        "invoice_id": invoice.id,
        "number": invoice.number,
        "status": invoice.status.value,
        "total": invoice.total.to_string(),
        "paid": invoice.paid.to_string(),
        "currency": invoice.currency.value,
    }


class ExpireInvoices:
    """A scheduled job: issued invoices past their due date with no money become expired."""

    BATCH = 500

    def __init__(self, uow: BillingUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self) -> int:
        now = self._clock.now()
        expired = 0
        while True:
            async with self._uow as uow:
                batch = await uow.invoices.overdue(now.astimezone(ACCOUNTING_ZONE).date(), self.BATCH)
                for invoice in batch:
                    if invoice.expire(now.astimezone(ACCOUNTING_ZONE).date()):
                        await uow.invoices.update(invoice)
                        uow.record(InvoiceStatusChanged(now, invoice.id, invoice.number, invoice.status.value))
                        expired += 1
                await uow.commit()
            if len(batch) < self.BATCH:
                return expired
