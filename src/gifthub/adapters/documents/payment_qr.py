"""The bank-app payment QR of Russian invoices (GOST R 56042-2014, UTF-8 variant ST00012)."""

from __future__ import annotations

import segno
from PIL import Image

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


_DARK = bytes.maketrans(b"\x00\x01", b"\xff\x00")  # segno's matrix: 1 = dark module


def qr_image(text: str, scale: int = 3, border: int = 2) -> Image.Image:
    """The QR as a 1-bit image straight from segno's module matrix (segno's PNG writer is pure Python
    and the PNG would only be decoded again by fpdf2)."""
    # A fixed mask skips evaluating all eight (pure Python, ~100 ms); any mask is valid for scanners.
    matrix = segno.make(text, error="m", encoding="utf-8", mask=2, boost_error=False).matrix
    side = len(matrix) + 2 * border
    quiet = b"\xff" * border
    rows = [b"\xff" * side] * border
    rows += [quiet + bytes(row).translate(_DARK) + quiet for row in matrix]
    rows += [b"\xff" * side] * border
    image = Image.frombytes("L", (side, side), b"".join(rows))
    return image.resize((side * scale, side * scale), Image.Resampling.NEAREST).convert("1")
