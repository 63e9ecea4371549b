"""The catalog price list as XLSX by a fixed template (openpyxl write-only: rows stream, memory stays flat)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from gifthub.application.catalog.priced_product import PricedProduct
from gifthub.domain.catalog import Acceptance, NominalRule
from gifthub.domain.money import Currency, Money

# (header, width in characters): the template the sales team prints; order and titles are fixed.
COLUMNS = (
    ("Бренд", 28),
    ("Продукт", 44),
    ("Номиналы", 40),
    ("Регион", 9),
    ("Категории", 30),
    ("Приём сертификатов", 20),
    ("Комиссия, %", 13),
)
ACCEPTANCE = {Acceptance.ONLINE: "онлайн", Acceptance.OFFLINE: "офлайн", Acceptance.BOTH: "онлайн и офлайн"}
SHEET_TITLE = "Каталог"


def amount(minor: int, currency: Currency) -> str:
    whole, cents = divmod(Money(minor, currency).minor, 100)
    text = f"{whole:,}".replace(",", "\u00a0")
    return text if cents == 0 else f"{text},{cents:02d}"


def nominals(rule: NominalRule, currency: Currency) -> str:
    parts = []
    if rule.fixed:
        parts.append("; ".join(amount(v, currency) for v in rule.fixed))
    if rule.is_free:
        assert rule.minimum is not None and rule.maximum is not None
        parts.append(
            f"от {amount(rule.minimum, currency)} до {amount(rule.maximum, currency)} "
            f"с шагом {amount(rule.step or 1, currency)}"
        )
    text = " или ".join(parts) or "нет"
    return f"{text} {currency.value}"


def commission(percent: Decimal) -> Decimal:
    return percent.quantize(Decimal("0.01"))


class XlsxCatalogWriter:
    def spreadsheet(self, products: Sequence[PricedProduct], category_titles: Mapping[str, str]) -> bytes:
        book = Workbook(write_only=True)
        sheet = book.create_sheet(SHEET_TITLE)
        sheet.freeze_panes = "A2"
        for index, (_, width) in enumerate(COLUMNS):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
        header = []
        for title, _ in COLUMNS:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font, cell.fill, cell.alignment = bold, fill, Alignment(vertical="center", wrap_text=True)
            header.append(cell)
        sheet.append(header)
        for priced in products:
            product = priced.product
            percent = WriteOnlyCell(sheet, value=commission(priced.commission.percent))
            percent.number_format = "0.00"
            sheet.append(
                [
                    product.brand_name,
                    product.title,
                    nominals(product.nominals, product.currency),
                    product.region.value,
                    ", ".join(category_titles.get(c, c) for c in product.category_ids),
                    ACCEPTANCE[product.acceptance],
                    percent,
                ]
            )
        sheet.auto_filter.ref = f"A1:{chr(ord('A') + len(COLUMNS) - 1)}{len(products) + 1}"
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
