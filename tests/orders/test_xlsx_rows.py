"""The expat row reader gives every cell the value openpyxl's own read-only reader gives it."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook

from gifthub.adapters.documents.xlsx_order_sheet import XlsxOrderSheetReader
from gifthub.adapters.documents.xlsx_rows import sheet_rows
from gifthub.application.ordering.errors import InvalidUpload

_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _rich_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["product_id", "nominal", "quantity", "recipient_name", "email", "send_at"])
    sheet.append(["101", 1000, 1, "Anna", "anna@example.com", datetime(2030, 1, 2, 10, 30)])
    sheet.append([202, 1500.5, 2.0, "Борис", " b@x.ru\u00a0", date(2031, 5, 6)])
    sheet.append([None, None, None])  # a blank row
    sheet.append(["x", 1e20, True, False, "=SUM(B2:B3)", time(9, 15)])
    sheet["H9"] = "far away"
    sheet.cell(row=9, column=2).number_format = "0.00"
    sheet["B9"] = 0.1
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_SHARED = (
    f'<sst {_MAIN} count="2" uniqueCount="2"><si><t>shared text</t></si><si><r><t>ri</t></r><r><t>ch</t></r></si></sst>'
)
_SHARED_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_SHARED_LINK = (
    '<Relationship Id="rIdShared" Target="sharedStrings.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
)


def _with_sheet_xml(xml: str) -> bytes:
    """A workbook whose first sheet is exactly ``xml``, with shared strings as Excel writes them
    (openpyxl itself writes inline strings)."""
    source = zipfile.ZipFile(BytesIO(_rich_workbook()))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = xml.encode()
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", _SHARED_TYPE.encode())
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", _SHARED_LINK.encode())
            target.writestr(item, data)
        target.writestr("xl/sharedStrings.xml", _SHARED)
    return buffer.getvalue()


_HAND_MADE = """<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>product_id</x:t></x:is></x:c>
<x:c r="B1" t="inlineStr"><x:is><x:r><x:t>nomi</x:t></x:r><x:r><x:t>nal</x:t></x:r>
<x:rPh sb="0" eb="1"><x:t>skip</x:t></x:rPh></x:is></x:c></x:row>
<x:row><x:c><x:v>101</x:v></x:c><x:c t="str"><x:v>2000</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="5"><x:c r="C5" t="e"><x:v>#N/A</x:v></x:c><x:c r="D5"><x:f>A2*2</x:f><x:v>202</x:v></x:c>
<x:c r="E5" t="s"><x:v>0</x:v></x:c><x:c r="F5" t="inlineStr"/><x:c r="G5" t="s"><x:v>1</x:v></x:c></x:row>
</x:sheetData></x:worksheet>"""


def _ours(content: bytes) -> dict[int, dict[int, object]]:
    workbook = load_workbook(BytesIO(content), read_only=True)
    sheet = workbook.worksheets[0]
    with workbook._archive.open(sheet._worksheet_path) as stream:
        rows = sheet_rows(
            stream, sheet._shared_strings, workbook.epoch, workbook._date_formats, workbook._timedelta_formats
        )
        found = {number: {k: v for k, v in cells.items() if v is not None} for number, cells in rows}
    workbook.close()
    return {number: cells for number, cells in found.items() if cells}


def _openpyxl(content: bytes) -> dict[int, dict[int, object]]:
    workbook = load_workbook(BytesIO(content), read_only=True)
    sheet = workbook.worksheets[0]
    sheet.reset_dimensions()  # the hand-made sheet has no <dimension>: read all of it
    found = {
        number: {k: v for k, v in enumerate(values) if v is not None}
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
    }
    workbook.close()
    return {number: cells for number, cells in found.items() if cells}


@pytest.mark.parametrize("content", [_rich_workbook(), _with_sheet_xml(_HAND_MADE)], ids=["openpyxl", "hand-made"])
def test_cells_match_openpyxl(content):
    ours, theirs = _ours(content), _openpyxl(content)
    assert ours.keys() == theirs.keys()
    for number, cells in theirs.items():
        assert ours[number].keys() == cells.keys(), number
        for column, value in cells.items():
            mine = ours[number][column]
            if isinstance(value, str) and value.startswith("="):  # shared formulas: any "=..." is refused
                assert isinstance(mine, str) and mine.startswith("=")
            else:
                assert (type(mine), mine) == (type(value), value), (number, column)


def test_hand_made_sheet_reads_as_expected():
    rows = _ours(_with_sheet_xml(_HAND_MADE))
    assert rows[1] == {0: "product_id", 1: "nominal"}  # phonetic hints are not part of the text
    assert rows[2] == {0: 101, 1: "2000", 2: True}  # cells without coordinates follow each other
    assert rows[5] == {2: "#N/A", 3: "=A2*2", 4: "shared text", 6: "rich"}


def test_a_sheet_declaring_entities_is_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        f'<worksheet {_MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    with pytest.raises(InvalidUpload) as error:
        XlsxOrderSheetReader().open(_with_sheet_xml(bomb))
    assert "damaged" in error.value.message and error.value.field == "file"


def test_broken_sheet_xml_is_a_damaged_file_not_a_crash():
    header = '<row r="1"><c r="A1" t="inlineStr"><is><t>product_id</t></is></c>'
    header += '<c r="B1" t="inlineStr"><is><t>nominal</t></is></c></row>'
    # The <dimension> lets openpyxl stop before the broken row: the row reader is the one to find it.
    start = f'<worksheet {_MAIN}><dimension ref="A1:B2"/><sheetData>'
    broken = f'{start}{header}<row r="2"><c r="A2"><v>1</v></row></sheetData></worksheet>'
    with pytest.raises(InvalidUpload) as error:
        list(XlsxOrderSheetReader().open(_with_sheet_xml(broken)).rows)
    assert "damaged" in error.value.message and error.value.field == "file"
