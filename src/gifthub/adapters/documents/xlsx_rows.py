"""The rows of a worksheet's XML, read with expat callbacks.

openpyxl's read-only reader builds an element tree per row through defusedxml's pure-Python parser and a
dict per cell; for a 50,000-row order list that is most of the upload's time. This reader leaves the
workbook-level parts (shared strings, date styles, epoch) to openpyxl and walks the sheet's XML once with
the C expat parser, giving each cell the value openpyxl's ``parse_cell`` would (formulas as ``"=..."``).
Like defusedxml, it refuses any DTD, so no entity tricks reach the parser."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO
from xml.parsers import expat

from openpyxl.utils.datetime import from_excel, from_ISO8601

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_ROW, _CELL, _VALUE, _FORMULA = f"{_MAIN} row", f"{_MAIN} c", f"{_MAIN} v", f"{_MAIN} f"
_INLINE, _TEXT, _PHONETIC = f"{_MAIN} is", f"{_MAIN} t", f"{_MAIN} rPh"
_DIGITS = "0123456789$"
_CHUNK = 1 << 16

Row = tuple[int, dict[int, object]]  # the row's number and its values by 0-based column index


class UnsafeXml(ValueError):
    pass


def _forbid(*_args) -> None:
    raise UnsafeXml("the worksheet declares a DTD or entities")


class _Handler:
    """Expat callbacks: a row's cells collected as openpyxl would cast them."""

    def __init__(self, shared_strings: list, epoch: datetime, date_styles: set, timedelta_styles: set) -> None:
        self.shared, self.epoch = shared_strings, epoch
        self.date_styles, self.timedelta_styles = date_styles, timedelta_styles
        self.done: list[Row] = []
        self.row_number = 0
        self.cells: dict[int, object] = {}
        self.column = 0
        self.kind = "n"
        self.style = 0
        self.formula: str | None = None
        self.text: list[str] | None = None  # collecting a <v>, <f> or inline <t>
        self.inline: list[str] | None = None
        self.value: str | None = None
        self.in_phonetic = False
        self.columns: dict[str, int] = {}  # "AB" -> 27

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == _CELL:
            coordinate = attrs.get("r")
            if coordinate:
                letters = coordinate.rstrip(_DIGITS)
                column = self.columns.get(letters)
                if column is None:
                    column = self.columns[letters] = _column_index(letters)
                self.column = column
            else:
                self.column += 1
            self.kind = attrs.get("t", "n")
            style = attrs.get("s")
            self.style = int(style) if style else 0
            self.value = self.formula = self.inline = None
        elif name == _VALUE:
            self.text = []
        elif name == _FORMULA:
            self.text = []
            self.formula = ""
        elif name == _ROW:
            number = attrs.get("r")
            self.row_number = int(float(number)) if number else self.row_number + 1
            self.cells = {}
            self.column = 0
        elif name == _INLINE:
            self.inline = []
        elif name == _TEXT and self.inline is not None and not self.in_phonetic:
            self.text = []
        elif name == _PHONETIC:
            self.in_phonetic = True

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, name: str) -> None:
        if name == _CELL:
            self.cells[self.column - 1] = self._value()
        elif name == _VALUE:
            self.value = "".join(self.text or ())
            self.text = None
        elif name == _FORMULA:
            self.formula = "".join(self.text or ())
            self.text = None
        elif name == _ROW:
            self.done.append((self.row_number, self.cells))
        elif name == _TEXT and self.text is not None:
            if self.inline is not None:
                self.inline.append("".join(self.text))
            self.text = None
        elif name == _PHONETIC:
            self.in_phonetic = False

    def _value(self) -> object:
        kind, value = self.kind, self.value
        if self.formula is not None:
            return "=" + self.formula  # refused upstream: the list must hold values
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline is not None else None
        if not value:
            return None
        if kind == "n":
            number = float(value) if "." in value or "E" in value or "e" in value else int(value)
            if self.style in self.date_styles:
                return from_excel(number, self.epoch, timedelta=self.style in self.timedelta_styles)
            return number
        if kind == "s":
            return self.shared[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # "str" (a formula's cached text) and "e" (an error such as #N/A)


def sheet_rows(
    stream: IO[bytes], shared_strings: list, epoch: datetime, date_styles: set, timedelta_styles: set
) -> Iterator[Row]:
    """Every row present in the sheet's XML, in order, with its own number; streamed in chunks."""
    handler = _Handler(shared_strings, epoch, date_styles, timedelta_styles)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.data
    forbid: Callable = _forbid
    parser.StartDoctypeDeclHandler = forbid
    parser.EntityDeclHandler = forbid
    parser.UnparsedEntityDeclHandler = forbid
    parser.ExternalEntityRefHandler = forbid
    while chunk := stream.read(_CHUNK):
        parser.Parse(chunk, False)
        if handler.done:
            yield from handler.done
            handler.done = []
    parser.Parse(b"", True)
    yield from handler.done


def _column_index(letters: str) -> int:
    """1-based, as in "A" -> 1."""
    index = 0
    for char in letters.upper():
        index = index * 26 + (ord(char) - 64)
    return index
