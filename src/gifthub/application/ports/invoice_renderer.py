from __future__ import annotations

from typing import Protocol

from gifthub.domain.billing.invoice import Invoice
from gifthub.domain.billing.seller import Seller


class InvoiceRenderer(Protocol):
    def render(self, invoice: Invoice, seller: Seller) -> bytes:
        """The printable invoice offer (PDF)."""
        ...
