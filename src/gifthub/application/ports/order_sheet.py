"""Reading and writing order lists as spreadsheets (the adapter speaks XLSX)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

# The columns of an order list, in the template's order.
COLUMNS: tuple[str, ...] = (
    "product_id",
    "nominal",
    "quantity",
    "recipient_name",
    "email",
    "phone",
    "message",
    "channel",
    "send_at",
)
REQUIRED_COLUMNS = frozenset({"product_id", "nominal"})
MAX_ROWS = 50_000

Cell = str | datetime | None  # numbers arrive as exact decimal text, never as floats


@dataclass(frozen=True)
class SheetRow:
    number: int  # the spreadsheet's own row number, as the user sees it
    cells: dict[str, Cell]  # by column name; missing columns are absent


@dataclass(frozen=True)
class Sheet:
    letters: dict[str, str]  # column name -> spreadsheet letter, to name cells in messages
    rows: Iterator[SheetRow]  # streamed: a 50,000-row file is never held whole


class OrderSheetReader(Protocol):
    def open(self, content: bytes) -> Sheet:
        """Raises InvalidUpload naming row and column for anything that is not a clean order list
        (corrupt, not XLSX, password-protected, empty, wrong headers, formulas, merged cells).
        Row-level problems surface while iterating ``rows``, also as InvalidUpload."""
        ...

    def template(self) -> bytes: ...
