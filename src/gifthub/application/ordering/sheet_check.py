"""Check an order list row by row: every problem named by row and column, valid rows grouped into lines."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from uuid import UUID
from zoneinfo import ZoneInfo

from gifthub.application.ordering.lines import LineBuilder
from gifthub.application.ports.order_sheet import Cell, Sheet, SheetRow
from gifthub.domain.catalog import Product
from gifthub.domain.errors import DomainError
from gifthub.domain.money import Money
from gifthub.domain.order_line import MAX_QUANTITY, OrderLine, Recipient
from gifthub.domain.project import Project

_TEXT_DATES = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%d.%m.%Y %H:%M", "%d.%m.%Y")


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str  # the spreadsheet letter, e.g. "E"
    header: str  # the column's name, e.g. "email"
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column} ({self.header}): {self.message}"


@dataclass
class SheetCheck:
    rows: int = 0
    valid_rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    failed_rows: list[int] = field(default_factory=list)
    lines: list[OrderLine] = field(default_factory=list)


class _RowFailed(Exception):
    pass


class SheetChecker:
    def __init__(self, builder: LineBuilder, project: Project, now: datetime, timezone: str) -> None:
        self._builder, self._project, self._now = builder, project, now
        self._zone = ZoneInfo(timezone)
        self._products: dict[str, Product | None] = {}

    async def check(self, sheet: Sheet, new_id: Callable[[], UUID]) -> SheetCheck:
        result = SheetCheck()
        groups: dict[tuple, list[Recipient]] = {}
        seen: dict[tuple, int] = {}
        async for row in _off_the_loop(sheet.rows):
            result.rows += 1
            problems: list[RowProblem] = []

            def problem(name: str, message: str, row: SheetRow = row, problems: list = problems) -> None:
                problems.append(RowProblem(row.number, sheet.letters.get(name, "?"), name, message))

            parsed = await self._row(row, problem)
            if parsed is not None and not problems:
                duplicate_of = seen.get(parsed)
                if duplicate_of is not None:
                    problem("email" if "email" in sheet.letters else "product_id", f"duplicates row {duplicate_of}")
                else:
                    seen[parsed] = row.number
            if problems:
                result.problems.extend(problems)
                result.failed_rows.append(row.number)
                continue
            assert parsed is not None
            product_id, minor, quantity, send_at, recipient = parsed
            groups.setdefault((product_id, minor, quantity, send_at), []).append(recipient)
            result.valid_rows += 1
        for (product_id, minor, quantity, send_at), recipients in groups.items():
            product = self._products[product_id]
            assert product is not None
            commission = await self._builder.commission(self._project, product)
            nominal = Money(minor, self._project.currency)
            result.lines.append(
                OrderLine.create(new_id(), product, [nominal], quantity, commission, recipients, send_at)
            )
        return result

    async def _row(self, row: SheetRow, problem) -> tuple | None:
        cells = row.cells
        product = await self._product(_text(cells.get("product_id")), problem)
        nominal = self._nominal(_text(cells.get("nominal")), product, problem)
        quantity = self._quantity(_text(cells.get("quantity")), problem)
        send_at = self._send_at(cells.get("send_at"), problem)
        recipient = self._recipient(cells, problem)
        if product is None or nominal is None or quantity is None or recipient is None or send_at is False:
            return None
        return (product.id, nominal.minor, quantity, send_at, recipient)

    async def _product(self, product_id: str, problem) -> Product | None:
        if not product_id:
            problem("product_id", "is empty: enter a product id from the catalog")
            return None
        if product_id not in self._products:
            found = await self._builder.products([product_id])
            self._products[product_id] = found.get(product_id)
        product = self._products[product_id]
        if product is None:
            problem("product_id", f"unknown product {product_id!r}")
        elif not product.active:
            problem("product_id", f"product {product_id} is no longer sold")
        elif product.region is not self._project.region:
            problem(
                "product_id", f"product {product_id} is sold in {product.region}, the project in {self._project.region}"
            )
        else:
            return product
        return None

    def _nominal(self, text: str, product: Product | None, problem) -> Money | None:
        if not text:
            problem("nominal", "is empty: enter a face value, e.g. 1000")
            return None
        try:
            nominal = Money.parse(text.replace(",", ".").replace(" ", "").replace("\u00a0", ""), self._project.currency)
        except DomainError as error:
            problem("nominal", error.message)
            return None
        if product is not None and not product.nominals.allows(nominal):
            problem("nominal", f"{nominal.to_string()} is not allowed: {product.nominals.describe(nominal.currency)}")
            return None
        return nominal

    def _quantity(self, text: str, problem) -> int | None:
        if not text:
            return 1
        try:
            quantity = int(text)
        except ValueError:
            problem("quantity", f"{text!r} is not a whole number")
            return None
        if not 1 <= quantity <= MAX_QUANTITY:
            problem("quantity", f"must be between 1 and {MAX_QUANTITY}")
            return None
        return quantity

    def _send_at(self, value: Cell, problem) -> datetime | None | bool:
        """None: send at once; False: a problem was reported."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        moment: datetime | None = None
        if isinstance(value, datetime):
            moment = value
        else:
            text = value.strip()
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                for pattern in _TEXT_DATES:
                    try:
                        moment = datetime.strptime(text, pattern)
                        break
                    except ValueError:
                        continue
            if moment is None:
                problem("send_at", f"{text!r} is text, not a date: use a date cell or YYYY-MM-DD HH:MM")
                return False
        moment = moment.replace(tzinfo=self._zone) if moment.tzinfo is None else moment
        if moment <= self._now:
            problem("send_at", "the delivery moment is in the past")
            return False
        return moment

    def _recipient(self, cells: dict[str, Cell], problem) -> Recipient | None:
        try:
            return Recipient.create(
                name=_text(cells.get("recipient_name")),
                email=_text(cells.get("email")),
                phone=_text(cells.get("phone")),
                message=_text(cells.get("message")),
                channel=_text(cells.get("channel")) or "email",
                field="row",
            )
        except DomainError as error:
            column = (error.field or "row.email").rpartition(".")[2]
            problem(column if column in ("email", "phone", "message", "channel") else "recipient_name", error.message)
            return None


async def _off_the_loop(rows: Iterator[SheetRow], chunk: int = 2000) -> AsyncIterator[SheetRow]:
    """Parsing XML is CPU work: do it in a worker thread, a chunk at a time, so a 50,000-row upload
    does not stall every other request on the event loop (and only a chunk is held at once)."""
    while True:
        batch = await asyncio.to_thread(lambda: list(islice(rows, chunk)))
        if not batch:
            return
        for row in batch:
            yield row


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    return value.strip()  # str.strip also takes the non-breaking spaces spreadsheets paste in
