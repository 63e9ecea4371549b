"""An invoice offer (счёт-оферта): what a client pays to fund a project or an order's certificates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from gifthub.domain.billing.errors import InvalidInvoice, InvoiceClosed
from gifthub.domain.money import Currency, Money, require_positive

MAX_LINES = 500
MAX_QUANTITY = 1_000_000


class InvoiceKind(StrEnum):
    TOP_UP = "top_up"
    REGISTRY = "registry"  # an order's certificate registry: nominal x quantity lines


class InvoiceStatus(StrEnum):
    ISSUED = "issued"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


OPEN_STATUSES = (InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID)


@dataclass(frozen=True)
class InvoiceLine:
    title: str
    unit_price: Money  # the nominal, VAT-inclusive
    quantity: int

    def __post_init__(self) -> None:
        if not self.title.strip() or len(self.title) > 300:
            raise InvalidInvoice("a line's title must be 1-300 characters", field="lines.title")
        if isinstance(self.quantity, bool) or not 1 <= self.quantity <= MAX_QUANTITY:
            raise InvalidInvoice(f"quantity must be 1..{MAX_QUANTITY}", field="lines.quantity")
        require_positive(self.unit_price, field="lines.nominal")

    @property
    def total(self) -> Money:
        return Money(self.unit_price.minor * self.quantity, self.unit_price.currency)


@dataclass(frozen=True)
class Buyer:
    name: str
    inn: str = ""  # or BIN / UNP: the tax id the payer will send from
    kpp: str = ""
    address: str = ""
    email: str = ""  # where "invoice issued" and payment notices go


def format_number(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}-{year}-{sequence:05d}"


_NUMBER = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2,5})[-\s]?(\d{4})[-\s/]?(\d{1,9})(?!\d)")


def numbers_in(purpose: str) -> list[str]:
    """Invoice numbers a payer wrote in the purpose ("оплата по счёту GHR-2026-00017", "ghr 2026/17")."""
    found = []
    for prefix, year, seq in _NUMBER.findall(purpose.upper()):
        number = format_number(prefix, int(year), int(seq))
        if number not in found:
            found.append(number)
    return found


@dataclass
class Invoice:
    id: UUID
    seller_id: UUID
    project_id: UUID
    number: str
    kind: InvoiceKind
    issued_on: date
    due_on: date
    buyer: Buyer
    lines: tuple[InvoiceLine, ...]
    vat_percent: Decimal | None  # None: the seller is "без НДС"
    vat: Money
    status: InvoiceStatus
    paid: Money
    created_at: datetime
    order_id: UUID | None = None
    events: list = field(default_factory=list, repr=False)

    @property
    def currency(self) -> Currency:
        return self.vat.currency

    @property
    def total(self) -> Money:
        return sum_lines(self.lines)

    @property
    def outstanding(self) -> Money:
        rest = self.total - self.paid
        return rest if rest.is_positive else Money.zero(self.currency)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def accept_payment(self, amount: Money) -> Money:
        """Count a payment; returns the over-payment (zero unless it pays more than is owed).

        An expired invoice still takes a payment: the client paid the offer, the money is real.
        """
        require_positive(amount)
        if self.status in (InvoiceStatus.PAID, InvoiceStatus.CANCELLED):
            raise InvoiceClosed(f"invoice {self.number} is {self.status.value}", field="invoice")
        total = self.total  # summed from the lines: once, not per use (10,000 payments a statement)
        rest = total - self.paid
        over = amount - (rest if rest.is_positive else Money.zero(self.currency))
        self.paid = self.paid + amount
        self.status = InvoiceStatus.PAID if self.paid >= total else InvoiceStatus.PARTIALLY_PAID
        return over if over.is_positive else Money.zero(self.currency)

    def cancel(self) -> None:
        if self.status is not InvoiceStatus.ISSUED:
            raise InvoiceClosed(
                f"only an unpaid issued invoice can be cancelled; {self.number} is {self.status.value}",
                field="status",
            )
        self.status = InvoiceStatus.CANCELLED

    def expire(self, today: date) -> bool:
        if self.status is InvoiceStatus.ISSUED and self.due_on < today:
            self.status = InvoiceStatus.EXPIRED
            return True
        return False


def sum_lines(lines: tuple[InvoiceLine, ...]) -> Money:
    total = Money.zero(lines[0].unit_price.currency)
    for line in lines:
        total = total + line.total
    return total


def check_lines(lines: tuple[InvoiceLine, ...], currency: Currency) -> tuple[InvoiceLine, ...]:
    if not lines:
        raise InvalidInvoice("an invoice needs at least one line", field="lines")
    if len(lines) > MAX_LINES:
        raise InvalidInvoice(f"at most {MAX_LINES} lines", field="lines")
    for i, line in enumerate(lines):
        if line.unit_price.currency is not currency:
            raise InvalidInvoice(
                f"line {i + 1} is in {line.unit_price.currency}, the project in {currency}",
                field=f"lines[{i}].currency",
            )
    sum_lines(lines)  # raises when the total exceeds the Money maximum
    return lines
