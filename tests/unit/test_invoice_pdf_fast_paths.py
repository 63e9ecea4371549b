"""The invoice PDF's fast paths give what fpdf2 and segno give: line breaks, the QR's pixels, the embedded
font subset and the seller's images, across many documents in one process."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import pytest
import segno
from PIL import Image, ImageChops
from pypdf import PdfReader

from gifthub.adapters.documents.font_embedding import subset_cache_info
from gifthub.adapters.documents.invoice_pdf import FONT, FpdfInvoiceRenderer, _Pdf
from gifthub.adapters.documents.payment_qr import qr_image
from gifthub.adapters.documents.text_layout import wrap
from gifthub.domain.billing.invoice import Buyer
from gifthub.domain.money import Currency, Money
from tests.support.billing import ru_seller
from tests.unit.test_invoice_pdf import _invoice

TEXTS = [
    "Настоящий счёт является офертой (ст. 435, 437 ГК РФ). Оплата счёта означает акцепт оферты и согласие "
    "с условиями договора-оферты платформы GiftHub, опубликованного на сайте платформы.",
    "ООО «Ромашка», ИНН 7707083893, КПП 770701001, г. Москва, ул. Ленина, 1",
    "Подарочный сертификат Ozon\nна 5 000 рублей",
    "Сверхдлинноеназваниебезпробеловкотороенепомещаетсявячейкутаблицы и ещё слова",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("width", "size"), [(0, 9), (92, 8), (40, 7.5)])
def test_wrapping_breaks_lines_where_multi_cell_does(text, width, size):
    pdf = _Pdf()
    pdf.add_page()
    pdf.set_font(FONT, "", size)
    expected = pdf.multi_cell(width, 5, text, dry_run=True, output="LINES")
    assert wrap(pdf, text, width) == expected


def test_the_qr_image_is_segnos_own_rendering_pixel_for_pixel():
    text = "ST00012|Name=ООО «ГифтХаб»|PersonalAcc=40702810938000000001|Sum=15000000|Purpose=Оплата по счету"
    buffer = io.BytesIO()
    segno.make(text, error="m", encoding="utf-8", mask=2, boost_error=False).save(buffer, kind="png", scale=3, border=2)
    reference = Image.open(buffer).convert("L")
    ours = qr_image(text, scale=3).convert("L")
    assert ours.size == reference.size
    assert ImageChops.difference(reference, ours).getbbox() is None


def _page(pdf: bytes):
    return PdfReader(io.BytesIO(pdf)).pages[0]


def test_documents_sharing_a_glyph_set_reuse_one_subset_and_still_read_back():
    seller = ru_seller()
    renderer = FpdfInvoiceRenderer()
    before = subset_cache_info()
    texts = []
    for n, (buyer, minor) in enumerate([("ООО «Ромашка»", 15_000_000), ("АО «Щит»", 12_345_678), ("ИП Эйхе", 100)]):
        invoice = replace(_invoice(seller, Currency.RUB, Decimal(22)), buyer=Buyer(buyer, "7707083893"))
        invoice = replace(
            invoice, lines=(replace(invoice.lines[0], unit_price=Money(minor, Currency.RUB), quantity=1),)
        )
        texts.append((n, buyer, " ".join((_page(renderer.render(invoice, seller)).extract_text() or "").split())))
    after = subset_cache_info()
    assert after.hits - before.hits >= 4  # two fonts, at least the second and third documents
    for _, buyer, text in texts:
        assert buyer in text and "Счёт-оферта" in text


def test_characters_outside_the_common_set_get_their_own_subset():
    seller = ru_seller()
    letters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі ÆØÅ ΣΩ"
    invoice = replace(_invoice(seller, Currency.RUB, Decimal(22)), buyer=Buyer(f"ТОО «{letters}»", "7707083893"))
    text = " ".join((_page(FpdfInvoiceRenderer().render(invoice, seller)).extract_text() or "").split())
    assert letters in text


def test_the_signature_and_stamp_decoded_once_are_embedded_in_every_document():
    seller = ru_seller()
    renderer = FpdfInvoiceRenderer()
    invoice = _invoice(seller, Currency.RUB, Decimal(22))
    pages = [_page(renderer.render(invoice, seller)) for _ in range(3)]
    sizes = [sorted(image.image.size for image in page.images) for page in pages]
    assert len(sizes[0]) == 3  # QR, signature, stamp
    assert sizes[0] == sizes[1] == sizes[2]
    assert (240, 80) in sizes[2] and (300, 300) in sizes[2]
