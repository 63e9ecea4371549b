"""Money: an integer number of minor units in one currency. Never a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from enum import StrEnum

from gifthub.domain.errors import CurrencyMismatch, InvalidAmount


class Currency(StrEnum):
    RUB = "RUB"
    KZT = "KZT"
    BYN = "BYN"

    @property
    def minor_digits(self) -> int:
        # Kopeck, tiyn and kopeck: all three currencies have two decimals.
        return 2

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.minor_digits)


# Ten trillion in major units: far beyond any real operation, well inside a 64-bit column.
MAX_MAJOR_UNITS = 10**13


_LIMITS = {currency: MAX_MAJOR_UNITS * 10**currency.minor_digits for currency in Currency}


@dataclass(frozen=True, order=False)
class Money:
    minor: int
    currency: Currency

    def __post_init__(self) -> None:
        # Exact type and a looked-up bound: a statement of 10,000 payments makes ~150,000 of these.
        minor = self.minor
        if type(minor) is not int and (isinstance(minor, bool) or not isinstance(minor, int)):
            raise InvalidAmount("amount must be an integer number of minor units")
        if type(self.currency) is not Currency:
            raise TypeError(f"{self.currency!r} is not a Currency")
        limit = _LIMITS[self.currency]
        if not -limit <= minor <= limit:
            raise InvalidAmount(f"amount exceeds the maximum of {MAX_MAJOR_UNITS} {self.currency}")

    # construction -------------------------------------------------------------------------------
    @classmethod
    def zero(cls, currency: Currency) -> Money:
        return cls(0, currency)

    @classmethod
    def parse(cls, text: str, currency: Currency | str, *, field: str = "amount") -> Money:
        """Parse a decimal string exactly; more decimals than the currency has is an error."""
        currency = parse_currency(currency, field="currency")
        if not isinstance(text, str):
            raise InvalidAmount('must be a decimal string such as "1500.00"', field=field)
        raw = text.strip()
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise InvalidAmount(
                f'{text!r} is not a decimal number; use digits with a dot, e.g. "1500.00"', field=field
            ) from None
        if not value.is_finite():
            raise InvalidAmount("must be a finite decimal number", field=field)
        return cls.of(value, currency, field=field)

    @classmethod
    def of(cls, value: Decimal | int, currency: Currency, *, field: str = "amount") -> Money:
        value = Decimal(value)
        if abs(value) > MAX_MAJOR_UNITS:
            raise InvalidAmount(f"must not exceed {MAX_MAJOR_UNITS} {currency}", field=field)
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -currency.minor_digits:
            if value != value.quantize(currency.quantum):
                raise InvalidAmount(f"{currency} allows at most {currency.minor_digits} decimal places", field=field)
        minor = int(value.scaleb(currency.minor_digits).to_integral_value())
        return cls(minor, currency)

    @classmethod
    def rounded(cls, value: Decimal, currency: Currency, rounding: str = ROUND_HALF_EVEN) -> Money:
        """Round an intermediate result (a percentage, a share) with an explicit rounding mode."""
        return cls.of(value.quantize(currency.quantum, rounding=rounding), currency)

    # arithmetic ---------------------------------------------------------------------------------
    def _same(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError("Money operates only with Money")
        if other.currency is not self.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.minor >= other.minor

    @property
    def is_positive(self) -> bool:
        return self.minor > 0

    @property
    def is_negative(self) -> bool:
        return self.minor < 0

    @property
    def amount(self) -> Decimal:
        return Decimal(self.minor).scaleb(-self.currency.minor_digits)

    def to_string(self) -> str:
        """The wire form: a plain decimal string with exactly the currency's decimals."""
        # Integer arithmetic, not Decimal formatting: every outbox payload calls this (20,000 a statement).
        digits = self.currency.minor_digits
        if digits == 0:
            return str(self.minor)
        whole, fraction = divmod(abs(self.minor), 10**digits)
        return f"{'-' if self.minor < 0 else ''}{whole}.{fraction:0{digits}d}"

    def __str__(self) -> str:
        return f"{self.to_string()} {self.currency}"


def parse_currency(value: Currency | str, *, field: str = "currency") -> Currency:
    if isinstance(value, Currency):
        return value
    try:
        return Currency(str(value).strip().upper())
    except ValueError:
        accepted = ", ".join(c.value for c in Currency)
        raise InvalidAmount(f"unknown currency {value!r}; accepted: {accepted}", field=field) from None


def require_positive(amount: Money, *, field: str = "amount") -> Money:
    if not amount.is_positive:
        raise InvalidAmount("must be greater than zero", field=field)
    return amount
