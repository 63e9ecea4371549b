"""Check an order list row by row: every problem named by row and column, valid rows grouped into lines."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator, Set
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
from gifthub.domain.order_duplicates import CertificateKey, certificate_key
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
    def __init__(
        self,
        builder: LineBuilder,
        project: Project,
        now: datetime,
        timezone: str,
        *,
        in_order: Set[CertificateKey] = frozenset(),
        allow_duplicates: bool = False,
    ) -> None:
        self._builder, self._project, self._now = builder, project, now
        # Certificates the draft already holds: a row asking for one again is a duplicate too.
        self._in_order, self._allow_duplicates = in_order, allow_duplicates
        self._zone = ZoneInfo(timezone)
        self._products: dict[str, Product | None] = {}
        # Answers per distinct cell value: (the parsed value, the problem's message or None).
        self._product_problems: dict[str, str | None] = {}
        self._nominals: dict[tuple[str, str | None], tuple[Money | None, str | None]] = {}
        self._quantities: dict[str, tuple[int | None, str | None]] = {}
        self._moments: dict[Cell, tuple[datetime | None, str | None]] = {}

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
            if parsed is not None and not problems and not self._allow_duplicates:
                product_id, minor, _, _, recipient = parsed
                person = certificate_key(product_id, minor, recipient)
                key = person or parsed  # for nobody in particular: only an identical row repeats
                column = _contact_column(recipient, sheet.letters)
                duplicate_of = seen.get(key)
                if duplicate_of is not None:
                    problem(column, f"duplicates row {duplicate_of}")
                elif person is not None and person in self._in_order:
                    problem(column, "the order already has this product at this nominal for this recipient")
                else:
                    seen[key] = row.number
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
            self._product_problems[product_id] = self._product_problem(product_id, found.get(product_id))
        message = self._product_problems[product_id]
        if message is not None:
            problem("product_id", message)
            return None
        return self._products[product_id]

    def _product_problem(self, product_id: str, product: Product | None) -> str | None:
        if product is None:
            return f"unknown product {product_id!r}"
        if not product.active:
            return f"product {product_id} is no longer sold"
        if product.region is not self._project.region:
            return f"product {product_id} is sold in {product.region}, the project in {self._project.region}"
        return None

    def _nominal(self, text: str, product: Product | None, problem) -> Money | None:
        # A list repeats a handful of face values: parse and check each (text, product) pair once.
        key = (text, product.id if product is not None else None)
        known = self._nominals.get(key)
        if known is None:
            known = self._nominals[key] = self._check_nominal(text, product)
        nominal, message = known
        if message is not None:
            problem("nominal", message)
        return nominal

    def _check_nominal(self, text: str, product: Product | None) -> tuple[Money | None, str | None]:
        if not text:
            return None, "is empty: enter a face value, e.g. 1000"
        try:
            nominal = Money.parse(text.replace(",", ".").replace(" ", "").replace("\u00a0", ""), self._project.currency)
        except DomainError as error:
            return None, error.message
        if product is not None and not product.nominals.allows(nominal):
            return None, f"{nominal.to_string()} is not allowed: {product.nominals.describe(nominal.currency)}"
        return nominal, None

    def _quantity(self, text: str, problem) -> int | None:
        known = self._quantities.get(text)
        if known is None:
            known = self._quantities[text] = self._check_quantity(text)
        quantity, message = known
        if message is not None:
            problem("quantity", message)
        return quantity

    @staticmethod
    def _check_quantity(text: str) -> tuple[int | None, str | None]:
        if not text:
            return 1, None
        try:
            quantity = int(text)
        except ValueError:
            return None, f"{text!r} is not a whole number"
        if not 1 <= quantity <= MAX_QUANTITY:
            return None, f"must be between 1 and {MAX_QUANTITY}"
        return quantity, None

    def _send_at(self, value: Cell, problem) -> datetime | None | bool:
        """None: send at once; False: a problem was reported."""
        if value is None:
            return None
        known = self._moments.get(value)  # "now" holds for the whole check, so the answer per value does too
        if known is None:
            known = self._moments[value] = self._check_send_at(value)
        moment, message = known
        if message is not None:
            problem("send_at", message)
            return False
        return moment

    def _check_send_at(self, value: Cell) -> tuple[datetime | None, str | None]:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None, None
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
                return None, f"{text!r} is text, not a date: use a date cell or YYYY-MM-DD HH:MM"
        moment = moment.replace(tzinfo=self._zone) if moment.tzinfo is None else moment
        if moment <= self._now:
            return None, "the delivery moment is in the past"
        return moment, None

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


def _contact_column(recipient: Recipient, letters: dict[str, str]) -> str:
    if recipient.email and "email" in letters:
        return "email"
    if recipient.phone and "phone" in letters:
        return "phone"
    return "email" if "email" in letters else "product_id"


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    return value.strip()  # str.strip also takes the non-breaking spaces spreadsheets paste in
