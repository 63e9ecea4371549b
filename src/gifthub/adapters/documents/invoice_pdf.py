"""The invoice offer (счёт-оферта) as a one-page A4 PDF, drawn with fpdf2 and the bundled DejaVu font.

Russian and Belarusian sellers get the Russian bank form with a GOST R 56042 payment QR; Kazakh sellers
get the Kazakh form (BIN, IIK, KBe, KNP, tenge) with the amount in Russian and Kazakh words.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from copy import copy
from functools import lru_cache
from pathlib import Path

from fontTools import subset, ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap

from gifthub.adapters.documents.amount_words import words_kz, words_ru
from gifthub.adapters.documents.font_embedding import CachedSubsetOutputProducer, register_program
from gifthub.adapters.documents.payment_qr import payment_string, qr_image
from gifthub.adapters.documents.text_layout import paragraph, wrap
from gifthub.domain.billing.invoice import Invoice
from gifthub.domain.billing.seller import Seller
from gifthub.domain.money import Money
from gifthub.domain.region import Region

FONTS = Path(__file__).with_name("fonts")
FONT = "DejaVu"
CURRENCY_SHORT = {"RUB": "руб.", "KZT": "тенге", "BYN": "бел. руб."}

OFFER_TERMS = (
    "Настоящий счёт является офертой (ст. 435, 437 ГК РФ). Оплата счёта означает акцепт оферты и согласие "
    "с условиями договора-оферты платформы GiftHub, опубликованного на сайте платформы. Счёт действителен "
    "до {due}. Средства зачисляются на баланс проекта в день поступления на расчётный счёт поставщика. "
    "В назначении платежа обязательно укажите номер счёта."
)
OFFER_TERMS_BY = (
    "Настоящий счёт является публичной офертой (ст. 405, 407, 408 ГК Республики Беларусь). Оплата счёта "
    "означает акцепт оферты и согласие с условиями договора-оферты платформы GiftHub, опубликованного на "
    "сайте платформы. Счёт действителен до {due}. Средства зачисляются на баланс проекта в день поступления "
    "на текущий (расчётный) счёт поставщика. В назначении платежа обязательно укажите номер счёта."
)
OFFER_TERMS_KZ = (
    "Настоящий счёт является публичной офертой (ст. 395 ГК РК). Оплата счёта означает акцепт оферты. "
    "Счёт действителен до {due}. В назначении платежа укажите номер счёта. "
    "Бұл шот жария оферта болып табылады; шотты төлеу офертаны қабылдауды білдіреді."
)


def fmt(amount: Money) -> str:
    whole, minor = divmod(abs(amount.minor), 100)
    return f"{whole:,}".replace(",", "\u00a0") + f",{minor:02d}"


FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


# What invoices of RU, KZ and BY print: Latin, Greek, Cyrillic with the Kazakh and Belarusian letters,
# punctuation (« » — №), currency signs (₽ ₸). User text outside these ranges would lack glyphs.
UNICODE_RANGES = [(0x20, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F)]


# Embedded in every document whether drawn or not: documents then share one glyph set (one cached subset,
# font_embedding) instead of one per amount-in-words and buyer name, for ~8 KiB more per font.
COMMON_CHARACTERS = "".join(map(chr, range(0x20, 0x7F))) + "".join(map(chr, range(0x410, 0x450))) + "Ёё«»—–№\u00a0"


def _trimmed(path: Path) -> bytes:
    """The bundled font cut down to the scripts invoices use, without OpenType layout tables and hinting:
    fpdf2 re-subsets the font for every document, and a 700-glyph font makes that ~6x cheaper."""
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.drop_tables += ["FFTM"]  # FontForge timestamps: nothing to subset
    font = ttLib.TTFont(str(path), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[u for start, end in UNICODE_RANGES for u in range(start, end + 1)])
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _parsed_fonts() -> dict[str, object]:
    """Trim and parse the fonts once per process: metrics and glyph maps are then read-only."""
    template = FPDF()
    parsed = {}
    with tempfile.TemporaryDirectory(prefix="gifthub-fonts-") as tmp:
        for style, name in FONT_FILES.items():
            data = _trimmed(FONTS / name)
            trimmed = Path(tmp) / name
            trimmed.write_bytes(data)  # fpdf2's add_font reads a path; it is parsed right here
            template.add_font(FONT, style, str(trimmed))
            key = f"{FONT.lower()}{style}"
            parsed[key] = template.fonts[key]
            # The temporary file goes away: what fpdf2 may still read lazily comes from memory.
            parsed[key].ttfont = ttLib.TTFont(io.BytesIO(data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
            register_program(key, data)
    return parsed


@lru_cache(maxsize=1)
def _common_subsets() -> dict[str, SubsetMap]:
    """Each font's subset map with the common characters already picked, copied by every document."""
    subsets = {}
    for key, parsed in _parsed_fonts().items():
        subsets[key] = SubsetMap(parsed)
        for char in COMMON_CHARACTERS:
            subsets[key].pick(ord(char))
        subsets[key].pick.cache_clear()  # fpdf2's process-wide memo; documents pick on their own copies
    return subsets


_DECODED_IMAGES: dict[str, dict] = {}  # md5 of the image bytes -> fpdf2's decoded image info


class _Pdf(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(15, 12, 15)
        self.set_auto_page_break(True, margin=12)
        # Metrics and the fontTools tables are shared, read-only: the embedded subset is cut from the
        # registered program when the file is written (font_embedding), never from the parsed font.
        for key, parsed in _parsed_fonts().items():
            font = copy(parsed)
            font.missing_glyphs = []
            font.subset = copy(_common_subsets()[key])
            font.subset.font = font
            font.subset._char_id_per_glyph = dict(font.subset._char_id_per_glyph)
            font.subset._reserved = list(font.subset._reserved)
            self.fonts[key] = font
        self.set_creator("GiftHub")

    def image_bytes(self, data: bytes, **placement) -> None:
        """``image`` for the same few images in every document (signature, stamp): decoded once per
        process, by content, instead of PNG-decoding and re-compressing them for each file."""
        name = hashlib.md5(data.strip(), usedforsecurity=False).hexdigest()  # fpdf2's own image key
        decoded = _DECODED_IMAGES.get(name)
        if decoded is not None and name not in self.image_cache.images:
            # A per-document copy: fpdf2 writes its object number and usage count into it.
            self.image_cache.images[name] = type(decoded)(decoded, i=len(self.image_cache.images) + 1, usages=0)
        self.image(io.BytesIO(data), **placement)
        info = self.image_cache.images.get(name)
        if decoded is None and info is not None and info.get("iccp_i") is None:
            if len(_DECODED_IMAGES) >= 64:
                _DECODED_IMAGES.pop(next(iter(_DECODED_IMAGES)))
            _DECODED_IMAGES[name] = type(info)(info, obj_id=None)

    def output(self, *args, **kwargs):
        kwargs.setdefault("output_producer_class", CachedSubsetOutputProducer)
        return super().output(*args, **kwargs)


class FpdfInvoiceRenderer:
    def render(self, invoice: Invoice, seller: Seller) -> bytes:
        pdf = _Pdf()
        pdf.set_title(f"Счёт {invoice.number}")
        pdf.add_page()
        kz = seller.region is Region.KZ
        if kz:
            self._bank_box_kz(pdf, seller)
        elif seller.region is Region.BY:
            self._bank_box_by(pdf, seller)
        else:
            self._bank_box_ru(pdf, invoice, seller)
        self._title(pdf, invoice, kz)
        self._parties(pdf, invoice, seller, kz)
        self._lines(pdf, invoice)
        self._totals(pdf, invoice, kz)
        self._terms(pdf, invoice, seller.region)
        self._signature(pdf, seller)
        return bytes(pdf.output())

    # --- blocks ------------------------------------------------------------------------------------
    def _cell(self, pdf: FPDF, w: float, h: float, text: str, border=1, align="L", size=8, bold=False) -> None:
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.cell(w, h, text, border=border, align=align)

    def _bank_box_ru(self, pdf: FPDF, invoice: Invoice, seller: Seller) -> None:
        r, b = seller.requisites, seller.bank
        x, y = pdf.l_margin, pdf.get_y()
        width = 140
        left, right = 85, 55
        # Row 1-2: bank and BIC / corr. account
        pdf.set_xy(x, y)
        pdf.set_font(FONT, "", 8)
        _boxed_lines(pdf, left, 5, f"{b.bank_name}\nБанк получателя")
        pdf.set_xy(x + left, y)
        self._cell(pdf, 15, 5, "БИК")
        self._cell(pdf, right - 15, 5, b.bic)
        pdf.set_xy(x + left, y + 5)
        self._cell(pdf, 15, 5, "Сч. №")
        self._cell(pdf, right - 15, 5, b.correspondent_account)
        y += 10
        pdf.set_xy(x, y)
        self._cell(pdf, left / 2, 5, f"ИНН {r.inn}")
        self._cell(pdf, left / 2, 5, f"КПП {r.kpp}" if r.kpp else "")
        self._cell(pdf, 15, 5, "Сч. №")
        self._cell(pdf, right - 15, 5, b.account)
        pdf.set_xy(x, y + 5)
        _boxed_lines(pdf, left, 5, f"{seller.name}\nПолучатель")
        pdf.set_xy(x + left, y + 5)
        self._cell(pdf, 15, 10, "")
        self._cell(pdf, right - 15, 10, "")
        if seller.region is Region.RU:
            pdf.image(
                qr_image(payment_string(invoice, seller), scale=3), x=x + width + 5, y=pdf.t_margin - 2, w=33, h=33
            )
            pdf.set_xy(x + width + 5, pdf.t_margin + 31)
            pdf.set_font(FONT, "", 6)
            pdf.cell(33, 3, "QR для оплаты", align="C")
        pdf.set_xy(x, y + 20)

    def _bank_box_kz(self, pdf: FPDF, seller: Seller) -> None:
        r, b = seller.requisites, seller.bank
        x, y = pdf.l_margin, pdf.get_y()
        pdf.set_xy(x, y)
        pdf.set_font(FONT, "B", 8)
        _boxed_lines(pdf, 110, 5, f"Бенефициар / Бенефициар:\n{seller.name}")
        pdf.set_font(FONT, "", 8)
        pdf.set_x(x)
        self._cell(pdf, 110, 5, f"БИН / БСН: {r.bin}")
        pdf.set_xy(x + 110, y)
        self._cell(pdf, 55, 5, "ИИК / ЖСК", bold=True)
        self._cell(pdf, 15, 5, "Кбе", bold=True, align="C")
        pdf.set_xy(x + 110, y + 5)
        self._cell(pdf, 55, 10, b.account)
        self._cell(pdf, 15, 10, r.kbe, align="C")
        y += 15
        pdf.set_xy(x, y)
        self._cell(pdf, 110, 5, "Банк бенефициара / Бенефициардың банкі", bold=True)
        self._cell(pdf, 55, 5, "БИК / БСК", bold=True)
        self._cell(pdf, 15, 5, "КНП", bold=True, align="C")
        pdf.set_xy(x, y + 5)
        self._cell(pdf, 110, 5, b.bank_name)
        self._cell(pdf, 55, 5, b.bic)
        self._cell(pdf, 15, 5, r.knp, align="C")
        pdf.set_xy(x, y + 12)

    def _bank_box_by(self, pdf: FPDF, seller: Seller) -> None:
        """Belarus: the payee by UNP, the bank by its SWIFT-style BIC, the account as an IBAN."""
        r, b = seller.requisites, seller.bank
        x, y = pdf.l_margin, pdf.get_y()
        left, label, value = 100, 20, 60
        pdf.set_xy(x, y)
        pdf.set_font(FONT, "", 8)
        _boxed_lines(pdf, left, 5, f"{seller.name}\nПолучатель")
        pdf.set_xy(x + left, y)
        self._cell(pdf, label, 10, "УНП")
        self._cell(pdf, value, 10, r.unp)
        pdf.set_xy(x, y + 10)
        _boxed_lines(pdf, left, 5, f"{b.bank_name}\nБанк получателя")
        pdf.set_xy(x + left, y + 10)
        self._cell(pdf, label, 10, "BIC")
        self._cell(pdf, value, 10, b.bic)
        pdf.set_xy(x, y + 20)
        self._cell(pdf, left, 5, "Текущий (расчётный) счёт получателя, IBAN")
        self._cell(pdf, label + value, 5, b.account, bold=True)
        pdf.set_xy(x, y + 27)

    def _title(self, pdf: FPDF, invoice: Invoice, kz: bool) -> None:
        pdf.ln(4)
        pdf.set_font(FONT, "B", 13)
        title = "Счёт на оплату (оферта)" if kz else "Счёт-оферта"
        pdf.cell(0, 7, f"{title} № {invoice.number} от {invoice.issued_on:%d.%m.%Y}", new_x="LMARGIN", new_y="NEXT")
        if kz:
            pdf.set_font(FONT, "", 9)
            pdf.cell(
                0, 5, f"Төлем шоты № {invoice.number}, {invoice.issued_on:%d.%m.%Y}", new_x="LMARGIN", new_y="NEXT"
            )
        pdf.set_draw_color(0)
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
        pdf.set_line_width(0.2)
        pdf.ln(4)

    def _party(self, pdf: FPDF, label: str, text: str) -> None:
        pdf.set_font(FONT, "", 9)
        y = pdf.get_y()
        pdf.cell(30, 5, label)
        pdf.set_xy(pdf.l_margin + 30, y)
        pdf.set_font(FONT, "B", 9)
        paragraph(pdf, 0, 5, text)
        pdf.ln(1)

    def _parties(self, pdf: FPDF, invoice: Invoice, seller: Seller, kz: bool) -> None:
        r, b = seller.requisites, seller.bank
        if kz:
            ids = f"БИН {r.bin}, ИИК {b.account} в {b.bank_name}, БИК {b.bic}, Кбе {r.kbe}"
        elif seller.region is Region.BY:
            ids = f"УНП {r.unp}, IBAN {b.account} в {b.bank_name}, BIC {b.bic}"
        else:
            kpp = f", КПП {r.kpp}" if r.kpp else ""
            ids = f"ИНН {r.inn}{kpp}, р/с {b.account} в {b.bank_name}, БИК {b.bic}, к/с {b.correspondent_account}"
        self._party(pdf, "Поставщик:", ", ".join(p for p in (seller.name, ids, r.address) if p))
        buyer = invoice.buyer
        tax_id = ("БИН " if kz else "УНП " if seller.region is Region.BY else "ИНН ") + buyer.inn if buyer.inn else ""
        kpp = f"КПП {buyer.kpp}" if buyer.kpp else ""
        self._party(pdf, "Покупатель:", ", ".join(p for p in (buyer.name, tax_id, kpp, buyer.address) if p))
        self._party(pdf, "Основание:", "Договор-оферта платформы GiftHub")

    def _lines(self, pdf: FPDF, invoice: Invoice) -> None:
        widths = (8, 92, 16, 12, 26, 26)
        heads = ("№", "Наименование", "Кол-во", "Ед.", "Цена", "Сумма")
        pdf.set_fill_color(235, 235, 235)
        pdf.set_font(FONT, "B", 8)
        for w, h in zip(widths, heads, strict=True):
            pdf.cell(w, 6, h, border=1, align="C", fill=True)
        pdf.ln()
        pdf.set_font(FONT, "", 8)
        for i, line in enumerate(invoice.lines, start=1):
            cells = (str(i), line.title, str(line.quantity), "шт", fmt(line.unit_price), fmt(line.total))
            aligns = ("C", "L", "R", "C", "R", "R")
            _row(pdf, widths, cells, aligns)

    def _totals(self, pdf: FPDF, invoice: Invoice, kz: bool) -> None:
        pdf.ln(2)
        label_w, value_w = 154, 26
        rows = [("Итого:", fmt(invoice.total))]
        if invoice.vat_percent is None:
            rows.append(("Без налога (НДС):", "—"))
        else:
            rows.append((f"В том числе НДС ({invoice.vat_percent.normalize():f}%):", fmt(invoice.vat)))
        rows.append(("Всего к оплате:", fmt(invoice.total)))
        for label, value in rows:
            pdf.set_font(FONT, "B", 9)
            pdf.cell(label_w, 5, label, align="R")
            pdf.cell(value_w, 5, value, align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font(FONT, "", 9)
        currency = CURRENCY_SHORT[invoice.currency.value]
        paragraph(pdf, 0, 5, f"Всего наименований {len(invoice.lines)}, на сумму {fmt(invoice.total)} {currency}")
        pdf.set_font(FONT, "B", 9)
        paragraph(pdf, 0, 5, words_ru(invoice.total))
        if kz:
            paragraph(pdf, 0, 5, words_kz(invoice.total))

    def _terms(self, pdf: FPDF, invoice: Invoice, region: Region) -> None:
        pdf.ln(3)
        pdf.set_font(FONT, "", 7.5)
        terms = {Region.KZ: OFFER_TERMS_KZ, Region.BY: OFFER_TERMS_BY}.get(region, OFFER_TERMS)
        paragraph(pdf, 0, 4, terms.format(due=f"{invoice.due_on:%d.%m.%Y}"))
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, pdf.get_y() + 2, pdf.w - pdf.r_margin, pdf.get_y() + 2)
        pdf.set_line_width(0.2)
        pdf.ln(6)

    def _signature(self, pdf: FPDF, seller: Seller) -> None:
        y = pdf.get_y() + 6
        x = pdf.l_margin
        pdf.set_xy(x, y)
        pdf.set_font(FONT, "B", 9)
        pdf.cell(40, 6, seller.signatory_title or "Руководитель")
        pdf.set_font(FONT, "", 9)
        pdf.line(x + 45, y + 6, x + 100, y + 6)
        pdf.set_xy(x + 102, y)
        pdf.cell(70, 6, seller.signatory_name)
        if seller.signature_image:
            pdf.image_bytes(seller.signature_image, x=x + 50, y=y - 8, h=16)
        if seller.stamp_image:
            pdf.image_bytes(seller.stamp_image, x=x + 46, y=y - 12, h=32)
        pdf.set_xy(x, y + 8)
        pdf.set_font(FONT, "", 7)
        pdf.cell(0, 4, "М.П.")


def _boxed_lines(pdf: FPDF, width: float, line_h: float, text: str) -> None:
    """``multi_cell(width, line_h, text, border=1)``: the wrapped lines in one frame, the cursor at
    its right edge on the line below (multi_cell's RIGHT/NEXT)."""
    x, lines = pdf.get_x(), wrap(pdf, text, width)
    for n, line in enumerate(lines):
        top, bottom = n == 0, n == len(lines) - 1
        border = "LR" + ("T" if top else "") + ("B" if bottom else "")
        pdf.set_x(x)
        pdf.cell(width, line_h, line, border=border, new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(x + width)


def _row(pdf: FPDF, widths, cells, aligns) -> None:
    """One table row whose height follows its tallest cell (long product titles wrap)."""
    line_h = 5
    wrapped = [wrap(pdf, text, w) for w, text in zip(widths, cells, strict=True)]
    height = max(len(lines) for lines in wrapped) * line_h
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()
    x, y = pdf.l_margin, pdf.get_y()
    for w, lines, align in zip(widths, wrapped, aligns, strict=True):
        pdf.rect(x, y, w, height)
        for n, line in enumerate(lines):
            pdf.set_xy(x, y + n * line_h)
            pdf.cell(w, line_h, line, align=align)
        x += w
    pdf.set_xy(pdf.l_margin, y + height)
