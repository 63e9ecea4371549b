"""Facts of billing: the outbound 1C messages and the client's notices are built from these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar
from uuid import UUID

from gifthub.domain.events import DomainEvent


@dataclass(frozen=True)
class InvoiceIssued(DomainEvent):
    name: ClassVar[str] = "billing.invoice_issued"
    invoice_id: UUID
    number: str
    seller_id: UUID
    project_id: UUID
    kind: str
    issued_on: str  # ISO date
    currency: str
    total: str  # decimal strings: bus payloads never carry minor units or floats
    vat: str
    vat_percent: str | None
    buyer_name: str
    buyer_inn: str
    order_id: UUID | None


@dataclass(frozen=True)
class InvoiceStatusChanged(DomainEvent):
    name: ClassVar[str] = "billing.invoice_status_changed"
    invoice_id: UUID
    number: str
    status: str


@dataclass(frozen=True)
class PaymentApplied(DomainEvent):
    """A bank payment counted against an invoice and credited to the project."""

    name: ClassVar[str] = "billing.payment_applied"
    payment_id: UUID
    payment_reference: str
    invoice_id: UUID
    invoice_number: str
    project_id: UUID
    currency: str
    amount: str
    overpaid: str  # "0.00" unless the payment exceeded what was owed; the project gets it all
    invoice_status: str
    payer_inn: str
    document_number: str
    document_date: str


@dataclass(frozen=True)
class PaymentUnmatched(DomainEvent):
    name: ClassVar[str] = "billing.payment_unmatched"
    payment_id: UUID
    currency: str
    amount: str
    reason: str


@dataclass(frozen=True)
class RegistryInvoicePaid(DomainEvent):
    """The order behind a registry invoice is paid in full: it leaves ``awaiting_payment``."""

    name: ClassVar[str] = "billing.registry_invoice_paid"
    invoice_id: UUID
    order_id: UUID
    project_id: UUID


@dataclass(frozen=True)
class InvoiceRegistryProduced(DomainEvent):
    """The day's invoices for accounting; ``csv`` is the file's text (UTF-8, ';')."""

    name: ClassVar[str] = "billing.invoice_registry"
    day: str
    count: int
    csv: str
