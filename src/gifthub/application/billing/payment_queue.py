"""The back-office queue: payments no invoice claimed, matched by a person."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.accounts.top_up_project import TopUpProject
from gifthub.application.audit_trail import audit
from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.billing.payment_application import apply_payment, credit
from gifthub.application.errors import Forbidden, NotFound
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.domain.billing.errors import InvoiceClosed
from gifthub.domain.billing.payment import Payment, PaymentStatus
from gifthub.domain.errors import CurrencyMismatch
from gifthub.domain.identity import Principal


class ListPayments:
    def __init__(self, uow: BillingUnitOfWork) -> None:
        self._uow = uow

    async def execute(
        self, principal: Principal, status: PaymentStatus | None, *, limit: int, cursor: str | None
    ) -> Page[Payment]:
        if not principal.is_platform:
            raise Forbidden("only platform staff see bank payments")
        check_limit(limit)
        after = decode_cursor(cursor, 2)
        async with self._uow as uow:
            rows = await uow.payments.list(status, after=tuple(after) if after else None, limit=limit + 1)
        return page_of(rows, limit, lambda p: encode_cursor(p.received_at.isoformat(), str(p.id)))


class MatchPayment:
    """Staff points a queued payment at an invoice; it is then applied and credited like any other.
    The match is audited under the invoice's cabinet with the payment and invoice before and after."""

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, top_up: TopUpProject, ids: IdGenerator) -> None:
        self._uow, self._clock, self._top_up, self._ids = uow, clock, top_up, ids

    async def execute(self, principal: Principal, payment_id: UUID, invoice_id: UUID) -> Payment:
        ensure_platform_admin(principal, "match payments")
        async with self._uow as uow:
            payment = await uow.payments.get(payment_id, for_update=True)
            if payment is None:
                raise NotFound("payment not found")
            if payment.status is not PaymentStatus.UNMATCHED:
                raise InvoiceClosed("the payment is already applied", field="payment_id")
            invoice = await uow.invoices.get(invoice_id, for_update=True)
            if invoice is None:
                raise NotFound("invoice not found", field="invoice_id")
            if invoice.currency is not payment.amount.currency:
                raise CurrencyMismatch(
                    f"the payment is in {payment.amount.currency}, the invoice in {invoice.currency}"
                )
            now = self._clock.now()
            before = _match_state(payment, invoice)
            apply_payment(uow, payment, invoice, f"matched by {principal.id} to invoice {invoice.number}", now)
            project = await uow.projects.get(invoice.project_id)
            audit(
                uow, self._ids.new_id(), now, principal, "payment.matched",
                cabinet_id=project.cabinet_id if project is not None else None, target=f"payment:{payment.id}",
                before=before, after=_match_state(payment, invoice),
            )  # fmt: skip
            await uow.invoices.update(invoice)
            await uow.payments.update(payment)
            await uow.commit()
        await credit(self._uow, self._top_up, [payment])
        payment.credited = True
        return payment


def _match_state(payment: Payment, invoice) -> dict[str, object]:
    return {
        "payment": {"status": payment.status.value, "amount": payment.amount.to_string(),
                    "currency": payment.amount.currency.value, "reference": payment.reference,
                    "reason": payment.reason, "project_id": payment.project_id},
        "invoice": {"id": invoice.id, "number": invoice.number, "status": invoice.status.value,
                    "paid": invoice.paid.to_string(), "project_id": invoice.project_id},
    }  # fmt: skip


class CreditPendingPayments:
    """A job that finishes crediting payments applied before a crash between the two steps."""

    def __init__(self, uow: BillingUnitOfWork, top_up: TopUpProject) -> None:
        self._uow, self._top_up = uow, top_up

    async def execute(self) -> int:
        async with self._uow as uow:
            pending = await uow.payments.uncredited(1000)
        return await credit(self._uow, self._top_up, pending)
