"""Which invoice a payment pays: the invoice number in the purpose, the payer's INN, the amount."""

from __future__ import annotations

from dataclasses import dataclass

from gifthub.domain.billing.invoice import Invoice, InvoiceStatus


@dataclass(frozen=True)
class Match:
    invoice: Invoice | None
    reason: str  # for the queue: why no invoice; for a match: how it was found


def choose_invoice(candidates: list[Invoice], payer_inn: str, numbers: list[str]) -> Match:
    """``candidates``: invoices whose number appears in the purpose (in the order written).

    A payment matches when the payer's INN is the buyer's (or the invoice names no buyer INN) and the
    invoice still takes money; anything else waits for a person rather than being guessed.
    """
    if not numbers:
        return Match(None, "no invoice number in the payment purpose")
    if not candidates:
        return Match(None, f"no invoice {', '.join(numbers)}")
    reasons = []
    for invoice in candidates:
        if invoice.buyer.inn and payer_inn and invoice.buyer.inn != payer_inn:
            reasons.append(f"invoice {invoice.number} is for INN {invoice.buyer.inn}, the payer is {payer_inn}")
            continue
        if invoice.status in (InvoiceStatus.PAID, InvoiceStatus.CANCELLED):
            reasons.append(f"invoice {invoice.number} is already {invoice.status.value}")
            continue
        return Match(invoice, f"invoice number {invoice.number} in the purpose")
    return Match(None, "; ".join(reasons))
