"""Build XLSX files for tests and benchmarks with openpyxl's normal (write) mode."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook

from gifthub.application.ports.order_sheet import COLUMNS


def xlsx(rows: list[list], headers: list[str] | tuple[str, ...] = COLUMNS, *, merge: str | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def big_xlsx(count: int) -> bytes:
    """``count`` valid rows over two products, every email distinct. Written in normal mode so the
    sheet carries its <dimension> like Excel's files (without it openpyxl scans the sheet twice)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    for n in range(count):
        product, nominal = ("101", 1000) if n % 2 else ("202", 1500 + (n % 10) * 100)
        sheet.append(
            [product, nominal, 1, f"Person {n}", f"person{n}@example.com", "", "Happy holidays", "email", None]
        )
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
