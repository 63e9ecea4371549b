from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from gifthub.application.accounts.top_up_project import TopUpProject
from gifthub.application.audit_trail import audit
from gifthub.application.billing.payment_application import apply_payment, credit, credit_in_transaction
from gifthub.application.errors import Forbidden
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.statement_reader import StatementReader
from gifthub.application.retry import retrying
from gifthub.domain.billing.events import PaymentUnmatched
from gifthub.domain.billing.invoice import Invoice, numbers_in
from gifthub.domain.billing.matching import choose_invoice
from gifthub.domain.billing.payment import Payment, PaymentStatus
from gifthub.domain.billing.statement import StatementDocument
from gifthub.domain.identity import Principal


@dataclass(frozen=True)
class ImportResult:
    received: int  # incoming documents in the file
    applied: int  # newly matched to an invoice
    unmatched: int  # newly queued for a person
    already_known: int  # seen in an earlier statement (or an earlier import of this one)
    credited: int  # top-ups written to the ledger by this import


class ImportBankStatement:
    """A 1C bank statement (uploaded by staff or received over the bus) applied exactly once.

    Parsing happens before anything is written: a broken file credits nothing. New payments are
    recorded, matched and credited to their projects' ledgers in ONE transaction; the unique payment
    reference makes a concurrent import of the same payment fail and retry into "already known", and
    the ledger's unique (top-up, payment reference) key guards the credit a second time. Payments left
    applied-but-uncredited by anything else are finished through TopUpProject, idempotent on the same
    reference.
    """

    def __init__(
        self,
        uow: BillingUnitOfWork,
        reader: StatementReader,
        clock: Clock,
        ids: IdGenerator,
        top_up: TopUpProject,
    ) -> None:
        self._uow, self._reader, self._clock, self._ids, self._top_up = uow, reader, clock, ids, top_up

    async def execute(self, data: bytes, principal: Principal | None = None) -> ImportResult:
        principal = principal or Principal.system("1c")
        if not principal.is_platform_admin:
            raise Forbidden("only platform administrators import bank statements")
        statement = self._reader.read(data)
        documents: dict[str, StatementDocument] = {}
        for document in statement.incoming():
            documents.setdefault(document.payment_reference, document)
        applied, unmatched, credited, known = await retrying(lambda: self._record(documents, principal))
        # A safety net for payments known before this import: applied then but not credited, they go
        # through TopUpProject, idempotent on the same reference. This import's own were credited above.
        if known:
            async with self._uow as uow:
                to_credit = await uow.payments.uncredited_among(sorted(known))
            credited += await credit(self._uow, self._top_up, to_credit)
        return ImportResult(len(documents), applied, unmatched, len(documents) - applied - unmatched, credited)

    async def _record(
        self, documents: dict[str, StatementDocument], principal: Principal
    ) -> tuple[int, int, int, set[str]]:
        now = self._clock.now()
        applied = unmatched = 0
        async with self._uow as uow:
            known = await uow.payments.known_references(list(documents))
            fresh = [d for ref, d in documents.items() if ref not in known]
            numbers_by_doc = {d.payment_reference: numbers_in(d.purpose) for d in fresh}
            wanted = sorted({n for numbers in numbers_by_doc.values() for n in numbers})
            invoices: dict[str, Invoice] = {i.number: i for i in await uow.invoices.by_numbers(wanted, for_update=True)}
            touched: dict[str, Invoice] = {}
            applied_payments: list[Payment] = []
            new_payments: list[Payment] = []
            for document in fresh:
                numbers = numbers_by_doc[document.payment_reference]
                match = choose_invoice([invoices[n] for n in numbers if n in invoices], document.payer_inn, numbers)
                payment = Payment(
                    id=self._ids.new_id(),
                    reference=document.payment_reference,
                    document_number=document.number,
                    document_date=document.date,
                    amount=document.amount,
                    payer_name=document.payer_name,
                    payer_inn=document.payer_inn,
                    payer_account=document.payer_account,
                    purpose=document.purpose,
                    status=PaymentStatus.UNMATCHED,
                    reason=match.reason,
                    received_at=now,
                )
                if match.invoice is not None and match.invoice.currency is document.amount.currency:
                    apply_payment(uow, payment, match.invoice, match.reason, now)
                    touched[match.invoice.number] = match.invoice
                    applied_payments.append(payment)
                    applied += 1
                else:
                    uow.record(
                        PaymentUnmatched(
                            now, payment.id, payment.amount.currency.value, payment.amount.to_string(), payment.reason
                        )
                    )
                    unmatched += 1
                new_payments.append(payment)
            credited = await credit_in_transaction(uow, applied_payments, self._ids, now)
            for payment in new_payments:
                await uow.payments.add(payment)
            await uow.invoices.update_many(list(touched.values()))
            _audit_import(uow, self._ids.new_id(), now, principal, len(documents), new_payments)
            await uow.commit()
        return applied, unmatched, credited, known


AUDITED_PAYMENTS = 100  # a big statement is summed up; its first payments are listed one by one


def _audit_import(
    uow: BillingUnitOfWork, record_id: UUID, now: datetime, principal: Principal, received: int, new: list[Payment]
) -> None:
    """One platform-wide record per import (a statement spans cabinets): what arrived and where it went."""
    applied = [p for p in new if p.status is PaymentStatus.APPLIED]
    listed = [
        {"reference": p.reference, "amount": p.amount.to_string(), "currency": p.amount.currency.value,
         "status": p.status.value, "invoice_id": p.invoice_id, "project_id": p.project_id}
        for p in new[:AUDITED_PAYMENTS]
    ]  # fmt: skip
    after = {
        "received": received,
        "already_known": received - len(new),
        "applied": len(applied),
        "unmatched": len(new) - len(applied),
        "payments": listed,
    }
    audit(uow, record_id, now, principal, "statement.imported", target="bank-statement", after=after)
