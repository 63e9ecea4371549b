"""Counting a payment against an invoice (the events and notices it causes) and crediting projects."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from gifthub.application.accounts.top_up_project import TopUpCommand, TopUpProject
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.domain.billing.events import PaymentApplied, RegistryInvoicePaid
from gifthub.domain.billing.invoice import Invoice, InvoiceKind, InvoiceStatus
from gifthub.domain.billing.payment import Payment
from gifthub.domain.email_messages import PartialPaymentEmail, PaymentReceivedEmail
from gifthub.domain.events import EmailRequested
from gifthub.domain.identity import Principal
from gifthub.domain.ledger import LedgerEntry
from gifthub.domain.reference import Reference, ReferenceKind

CREDITOR = Principal.system("billing")


def apply_payment(uow: BillingUnitOfWork, payment: Payment, invoice: Invoice, how: str, now: datetime) -> None:
    """Inside the caller's transaction: the invoice counts the money, the payment remembers where it went."""
    over = invoice.accept_payment(payment.amount)
    if over.is_positive:
        how += f"; over-payment of {over.to_string()} {over.currency.value} is credited to the project as well"
    payment.apply_to(invoice.id, invoice.project_id, over, how)
    uow.record(
        PaymentApplied(
            occurred_at=now,
            payment_id=payment.id,
            payment_reference=payment.reference,
            invoice_id=invoice.id,
            invoice_number=invoice.number,
            project_id=invoice.project_id,
            currency=payment.amount.currency.value,
            amount=payment.amount.to_string(),
            overpaid=over.to_string(),
            invoice_status=invoice.status.value,
            payer_inn=payment.payer_inn,
            document_number=payment.document_number,
            document_date=payment.document_date.isoformat(),
        )
    )
    if invoice.kind is InvoiceKind.REGISTRY and invoice.status is InvoiceStatus.PAID and invoice.order_id:
        uow.record(RegistryInvoicePaid(now, invoice.id, invoice.order_id, invoice.project_id))
    if invoice.buyer.email:
        amounts = {
            "number": invoice.number,
            "amount": payment.amount.to_string(),
            "currency": payment.amount.currency.value,
            "paid": invoice.paid.to_string(),
            "outstanding": invoice.outstanding.to_string(),
        }
        notice = (
            PartialPaymentEmail(**amounts)
            if invoice.status is InvoiceStatus.PARTIALLY_PAID
            else PaymentReceivedEmail(**amounts, overpaid=over.to_string())
        )
        uow.record(
            EmailRequested.of(notice, to=invoice.buyer.email, occurred_at=now, dedup_key=f"payment:{payment.reference}")
        )


async def credit_in_transaction(
    uow: BillingUnitOfWork, payments: list[Payment], ids: IdGenerator, now: datetime
) -> int:
    """Top up the projects of freshly applied payments inside the caller's transaction.

    The same ledger operation TopUpProject performs (the project row locked, ``Project.top_up``, one
    TOP_UP entry per payment reference under the ledger's unique key), batched per project so a
    statement of 10,000 payments is one transaction instead of 10,000; recording, matching and
    crediting then commit or roll back together. A reference already in the ledger is not posted again.
    """
    by_project: dict[UUID, list[Payment]] = {}
    for payment in payments:
        if payment.project_id is not None and not payment.credited:
            by_project.setdefault(payment.project_id, []).append(payment)
    if not by_project:
        return 0
    in_ledger = await uow.payments.references_in_ledger([p.reference for p in payments])
    entries: list[LedgerEntry] = []
    for project_id in sorted(by_project, key=str):  # one lock order: concurrent imports never deadlock
        project = await uow.projects.get(project_id, for_update=True)
        if project is None:
            continue  # the invoice's project is gone; the payment stays uncredited for a person
        credits = [
            (ids.new_id(), payment.amount, Reference(ReferenceKind.PAYMENT, payment.reference))
            for payment in by_project[project_id]
            if payment.reference not in in_ledger
        ]
        entries += project.top_up_many(credits, now)
        for payment in by_project[project_id]:
            payment.credited = True
    # All of them in one bulk write; the projects' new totals and sequences go with the commit.
    await uow.ledger.insert_entries(entries)
    return len(entries)


async def credit(uow: BillingUnitOfWork, top_up: TopUpProject, payments: list[Payment]) -> int:
    """Top the projects up through the ledger, once per payment reference (replays are no-ops).

    Returns how many ledger entries this call wrote; a concurrent importer may have written the rest."""
    credited, written = [], 0
    for payment in payments:
        if payment.project_id is None or payment.credited:
            continue
        posted = await top_up.execute(
            CREDITOR,
            TopUpCommand(payment.project_id, payment.amount, Reference(ReferenceKind.PAYMENT, payment.reference)),
        )
        credited.append(payment.id)
        written += 0 if posted.replayed else 1
    if credited:
        async with uow:
            await uow.payments.mark_credited(credited)
            await uow.commit()
    return written
