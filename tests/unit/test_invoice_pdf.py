"""The invoice PDF read back with pypdf: number, amounts, words, requisites, the payment QR string."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import uuid4

from pypdf import PdfReader

from gifthub.adapters.documents.invoice_pdf import FpdfInvoiceRenderer
from gifthub.adapters.documents.payment_qr import payment_string
from gifthub.domain.billing.invoice import Buyer, Invoice, InvoiceKind, InvoiceLine, InvoiceStatus, sum_lines
from gifthub.domain.billing.vat import vat_included
from gifthub.domain.money import Currency, Money
from tests.support.billing import by_seller, kz_seller, ru_seller


def _invoice(seller, currency: Currency, percent: Decimal | None) -> Invoice:
    lines = (InvoiceLine("Подарочный сертификат Ozon", Money(500000, currency), 30),)
    total = sum_lines(lines)
    return Invoice(
        uuid4(),
        seller.id,
        uuid4(),
        f"{seller.number_prefix}-2026-00017",
        InvoiceKind.REGISTRY,
        date(2026, 11, 2),
        date(2026, 11, 7),
        Buyer("ООО «Ромашка»", "7707083893", "770701001"),
        lines,
        percent,
        vat_included(total, percent) if percent is not None else Money.zero(currency),
        InvoiceStatus.ISSUED,
        Money.zero(currency),
        datetime.now(UTC),
    )


def _text(pdf: bytes) -> str:
    return " ".join((PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or "").split())


def test_russian_invoice_reads_back():
    seller = ru_seller()
    invoice = _invoice(seller, Currency.RUB, Decimal(22))
    pdf = FpdfInvoiceRenderer().render(invoice, seller)
    text = _text(pdf)
    assert "Счёт-оферта № GHR-2026-00017 от 02.11.2026" in text
    assert "150 000,00" in text
    assert "27 049,18" in text and "НДС (22%)" in text
    assert "Сто пятьдесят тысяч рублей 00 копеек" in text
    for requisite in ("7707083893", "770701001", "40702810938000000001", "044525225", "30101810400000000225"):
        assert requisite in text
    assert "Иванов И. И." in text
    assert len(PdfReader(io.BytesIO(pdf)).pages[0].images) >= 3  # QR, signature, stamp


def test_without_vat_says_so():
    seller = ru_seller(vat_exempt=True)
    text = _text(FpdfInvoiceRenderer().render(_invoice(seller, Currency.RUB, None), seller))
    assert "Без налога (НДС)" in text


def test_kazakh_invoice_reads_back():
    seller = kz_seller()
    text = _text(FpdfInvoiceRenderer().render(_invoice(seller, Currency.KZT, Decimal(16)), seller))
    assert "GHK-2026-00017" in text and "Төлем шоты" in text
    assert "090840000906" in text and "KZ86125KZT5004100100" in text and "Кбе" in text and "859" in text
    assert "Сто пятьдесят тысяч тенге 00 тиынов" in text
    assert "Жүз елу мың теңге 00 тиын" in text


def test_belarusian_invoice_reads_back():
    seller = by_seller()
    pdf = FpdfInvoiceRenderer().render(_invoice(seller, Currency.BYN, Decimal(20)), seller)
    text = _text(pdf)
    assert "Счёт-оферта № GHB-2026-00017 от 02.11.2026" in text
    assert "УНП 200988541" in text and "BY13NBRB3600900000002Z00AB00" in text and "NBRBBY2X" in text
    assert "ИНН" not in text and "ГК РФ" not in text and "ГК Республики Беларусь" in text
    assert "25 000,00" in text and "НДС (20%)" in text
    assert "Сто пятьдесят тысяч белорусских рублей 00 копеек" in text


def test_payment_qr_string_follows_gost():
    seller = ru_seller()
    invoice = _invoice(seller, Currency.RUB, Decimal(22))
    text = payment_string(invoice, seller)
    assert text.startswith("ST00012|Name=ООО «ГифтХаб»|PersonalAcc=40702810938000000001|BankName=ПАО Сбербанк|")
    assert "|BIC=044525225|CorrespAcc=30101810400000000225|PayeeINN=7707083893|KPP=770701001|Sum=15000000|" in text
    assert text.endswith("Purpose=Оплата по счету GHR-2026-00017 от 02.11.2026, в т.ч. НДС 22% 27049.18")


def test_kazakh_letters_survive_font_subsetting():
    """The bundled font is trimmed and subset per document: every Kazakh-only letter must still be drawn
    with a real glyph and read back as itself."""
    seller = kz_seller()
    invoice = _invoice(seller, Currency.KZT, Decimal(16))
    letters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
    invoice = replace(invoice, buyer=Buyer(f"ТОО «{letters}»", "7707083893"))
    text = _text(FpdfInvoiceRenderer().render(invoice, seller))
    assert letters in text
    assert "Жүз елу мың теңге 00 тиын" in text
