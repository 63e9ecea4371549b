"""An incoming bank payment and what became of it: applied to an invoice or waiting for a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from gifthub.domain.billing.errors import InvoiceClosed
from gifthub.domain.money import Money


class PaymentStatus(StrEnum):
    APPLIED = "applied"
    UNMATCHED = "unmatched"  # in the back-office queue


@dataclass
class Payment:
    id: UUID
    reference: str  # StatementDocument.payment_reference: unique platform-wide
    document_number: str
    document_date: date
    amount: Money
    payer_name: str
    payer_inn: str
    payer_account: str
    purpose: str
    status: PaymentStatus
    reason: str  # why it waits, or how it was applied
    received_at: datetime
    invoice_id: UUID | None = None
    project_id: UUID | None = None
    overpaid: Money | None = None
    credited: bool = False  # the project's ledger has the top-up

    def apply_to(self, invoice_id: UUID, project_id: UUID, overpaid: Money, how: str) -> None:
        if self.status is PaymentStatus.APPLIED:
            raise InvoiceClosed("the payment is already applied", field="payment")
        self.status = PaymentStatus.APPLIED
        self.invoice_id, self.project_id, self.overpaid, self.reason = invoice_id, project_id, overpaid, how
