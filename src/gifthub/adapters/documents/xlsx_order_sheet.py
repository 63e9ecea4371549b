"""Order lists as XLSX through openpyxl in read-only (streaming) mode."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO
from xml.parsers import expat

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from gifthub.adapters.documents.xlsx_rows import UnsafeXml, sheet_rows
from gifthub.application.ordering.errors import InvalidUpload
from gifthub.application.ports.order_sheet import COLUMNS, MAX_ROWS, REQUIRED_COLUMNS, Cell, Sheet, SheetRow

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and old .xls both live in OLE files
_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_HINTS = {
    "product_id": "Giftery product id from the catalog, e.g. 101",
    "nominal": "face value, e.g. 1000 or 1500.50",
    "quantity": "certificates for this recipient; empty means 1",
    "recipient_name": "optional",
    "email": "required for delivery by email",
    "phone": "11 digits starting with 7; required for SMS",
    "message": "optional greeting, up to 512 characters",
    "channel": "email (default), sms, link or code",
    "send_at": "optional date and time in your time zone, e.g. 2026-12-31 10:00",
}


def _cell(value: object) -> Cell:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # Excel keeps numbers as doubles; repr is the shortest text that round-trips, e.g. 1500.5.
        return format(Decimal(repr(value)), "f")
    return str(value)


class XlsxOrderSheetReader:
    def open(self, content: bytes) -> Sheet:
        if not content:
            raise InvalidUpload("the file is empty", field="file")
        if content.startswith(_OLE_MAGIC):
            raise InvalidUpload(
                "the workbook is password-protected or an old .xls: save it as .xlsx without a password",
                field="file",
            )
        if not content.startswith(b"PK"):
            raise InvalidUpload("the file is not an XLSX workbook", field="file")
        try:
            archive = zipfile.ZipFile(BytesIO(content))
            workbook = load_workbook(BytesIO(content), read_only=True, data_only=False)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, SyntaxError) as error:  # ParseError
            raise InvalidUpload(
                f"the XLSX file is damaged and cannot be read ({type(error).__name__})", field="file"
            ) from None
        if not workbook.worksheets:
            raise InvalidUpload("the workbook has no sheets", field="file")
        sheet = workbook.worksheets[0]
        self._refuse_merged_cells(archive, sheet.title, workbook)
        rows = self._sheet_rows(workbook, sheet)
        first = next(rows, None)
        header = first[1] if first is not None and first[0] == 1 else {}
        if all(v is None or str(v).strip() == "" for v in header.values()):
            raise InvalidUpload("the sheet is empty: row 1 must hold the column headers of the template", field="row 1")
        letters = self._headers(tuple(header.get(i) for i in range(max(header, default=-1) + 1)))
        return Sheet(letters=letters, rows=self._rows(rows, letters))

    @staticmethod
    def _sheet_rows(workbook, sheet) -> Iterator[tuple[int, dict[int, object]]]:
        stream = workbook._archive.open(sheet._worksheet_path)
        dates, durations = workbook._date_formats, workbook._timedelta_formats
        try:
            yield from sheet_rows(stream, sheet._shared_strings, workbook.epoch, dates, durations)
        except (expat.ExpatError, UnsafeXml, ValueError, IndexError, OverflowError) as error:
            raise InvalidUpload(
                f"the XLSX file is damaged and cannot be read ({type(error).__name__})", field="file"
            ) from None
        finally:
            stream.close()
            workbook.close()

    def _headers(self, header: tuple) -> dict[str, str]:
        letters: dict[str, str] = {}
        for index, raw in enumerate(header):
            letter = get_column_letter(index + 1)
            if raw is None or str(raw).strip() == "":
                continue
            name = " ".join(str(raw).replace("\u00a0", " ").split()).lower()
            if name not in COLUMNS:
                expected = ", ".join(COLUMNS)
                raise InvalidUpload(
                    f"row 1, column {letter}: unknown header {str(raw)!r}; the template's headers are {expected}",
                    field=f"row 1, column {letter}",
                )
            if name in letters:
                raise InvalidUpload(
                    f"row 1, column {letter}: header {name!r} appears twice", field=f"row 1, column {letter}"
                )
            letters[name] = letter
        missing = sorted(REQUIRED_COLUMNS - letters.keys())
        if missing:
            raise InvalidUpload(f"row 1: required column(s) missing: {', '.join(missing)}", field="row 1")
        return letters

    def _rows(self, rows: Iterator[tuple[int, dict[int, object]]], letters: dict[str, str]) -> Iterator[SheetRow]:
        positions = {name: _column_index(letter) for name, letter in letters.items()}
        # The same nominal or quantity comes back thousands of times; ints and floats apart, as 1 == 1.0.
        numbers: dict[type, dict] = {int: {}, float: {}}
        seen = 0
        for number, values in rows:
            cells: dict[str, Cell] = {}
            for name, position in positions.items():
                value = values.get(position)
                if value is None:
                    cells[name] = None
                elif type(value) is str:
                    if value.startswith("="):
                        raise InvalidUpload(
                            f"row {number}, column {letters[name]} ({name}): "
                            "formulas are not accepted; paste values instead",
                            field=f"row {number}, column {letters[name]}",
                        )
                    cells[name] = value
                elif type(value) is int or type(value) is float:
                    known = numbers[type(value)]
                    text = known.get(value)
                    if text is None:
                        text = known[value] = _cell(value)
                    cells[name] = text
                else:
                    cells[name] = _cell(value)
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
                continue  # blank rows between data are harmless
            seen += 1
            if seen > MAX_ROWS:
                raise InvalidUpload(
                    f"row {number}: a list holds at most {MAX_ROWS} rows; split the file", field=f"row {number}"
                )
            yield SheetRow(number, cells)

    def _refuse_merged_cells(self, archive: zipfile.ZipFile, title: str, workbook) -> None:
        # Read-only worksheets do not expose merged ranges; they sit at the end of the sheet's XML.
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet") and n.endswith(".xml")]
        if not names:
            return
        with archive.open(sorted(names)[0]) as stream:
            tail = b""
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                tail = (tail + chunk)[-(2 << 20) :]
                match = _MERGE.search(tail)
                if match:
                    first_col, first_row, last_col, last_row = (g.decode() if g else "" for g in match.groups())
                    where = f"row {first_row}, column {first_col}"
                    span = f"{first_col}{first_row}:{last_col or first_col}{last_row or first_row}"
                    raise InvalidUpload(f"{where}: merged cells ({span}) are not accepted; unmerge them", field=where)

    def template(self) -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Order"
        sheet.append(list(COLUMNS))
        for index, name in enumerate(COLUMNS, start=1):
            sheet.cell(row=1, column=index).font = Font(bold=True)
            sheet.column_dimensions[get_column_letter(index)].width = max(14, len(name) + 4)
        help_sheet = workbook.create_sheet("Help")
        help_sheet.append(["column", "what to enter"])
        for name in COLUMNS:
            help_sheet.append([name, _HINTS[name]])
        buffer = BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


def _column_index(letter: str) -> int:
    index = 0
    for char in letter:
        index = index * 26 + (ord(char) - 64)
    return index - 1
