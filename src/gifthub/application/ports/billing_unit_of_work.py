from __future__ import annotations

from typing import Protocol

from gifthub.application.ports.invoice_repository import InvoiceRepository
from gifthub.application.ports.payment_repository import PaymentRepository
from gifthub.application.ports.seller_repository import SellerRepository
from gifthub.application.ports.unit_of_work import UnitOfWork


class BillingUnitOfWork(UnitOfWork, Protocol):
    """The core unit of work plus the billing repositories, in the same transaction."""

    sellers: SellerRepository
    invoices: InvoiceRepository
    payments: PaymentRepository
