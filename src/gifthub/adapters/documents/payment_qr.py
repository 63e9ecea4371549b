"""The bank-app payment QR of Russian invoices (GOST R 56042-2014, UTF-8 variant ST00012)."""

from __future__ import annotations

import io

import segno

from gifthub.domain.billing.invoice import Invoice
from gifthub.domain.billing.seller import Seller


def _clean(value: str) -> str:
    # "|" separates fields; the standard has no escaping, so it cannot appear inside a value.
    return " ".join(value.replace("|", " ").split())


def payment_string(invoice: Invoice, seller: Seller) -> str:
    fields = [
        ("Name", seller.name),
        ("PersonalAcc", seller.bank.account),
        ("BankName", seller.bank.bank_name),
        ("BIC", seller.bank.bic),
        ("CorrespAcc", seller.bank.correspondent_account or "0"),
        ("PayeeINN", seller.requisites.inn),
        ("KPP", seller.requisites.kpp),
        ("Sum", str(invoice.outstanding.minor or invoice.total.minor)),
        ("Purpose", purpose(invoice)),
    ]
    return "ST00012|" + "|".join(f"{key}={_clean(value)}" for key, value in fields if value)


def purpose(invoice: Invoice) -> str:
    vat = (
        f"в т.ч. НДС {invoice.vat_percent}% {invoice.vat.to_string()}" if invoice.vat_percent is not None else "без НДС"
    )
    return f"Оплата по счету {invoice.number} от {invoice.issued_on:%d.%m.%Y}, {vat}"


def qr_png(text: str, scale: int = 4) -> bytes:
    # A fixed mask skips evaluating all eight (pure Python, ~100 ms); any mask is valid for scanners.
    buffer = io.BytesIO()
    segno.make(text, error="m", encoding="utf-8", mask=2, boost_error=False).save(
        buffer, kind="png", scale=scale, border=2
    )
    return buffer.getvalue()
