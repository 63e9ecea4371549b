"""The outbox payload conversion, pinned value by value (it has a fast path for plain scalars)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum, StrEnum
from uuid import UUID

from gifthub.adapters.persistence.outbox_writer import plain
from gifthub.domain.money import Currency, Money


class Colour(Enum):
    RED = 1


class Kind(StrEnum):
    TOP_UP = "top_up"


@dataclass(frozen=True)
class Inner:
    price: Money
    kind: Kind


@dataclass(frozen=True)
class Outer:
    text: str
    count: int
    ratio: float
    flag: bool
    nothing: None
    inner: Inner
    items: tuple
    mapping: dict


def test_plain_converts_every_kind_of_value():
    uid = UUID("12345678-1234-5678-1234-567812345678")
    moment = datetime(2026, 11, 2, 10, 30, tzinfo=UTC)
    value = Outer(
        "Қазақстан",
        3,
        0.5,
        True,
        None,
        Inner(Money(150050, Currency.KZT), Kind.TOP_UP),
        (uid, moment, Decimal("1.10"), Colour.RED),
        {1: Money(1, Currency.RUB), "x": [False]},
    )
    assert plain(value) == {
        "text": "Қазақстан",
        "count": 3,
        "ratio": 0.5,
        "flag": True,
        "nothing": None,
        "inner": {"price": {"amount": "1500.50", "currency": "KZT"}, "kind": "top_up"},
        "items": [str(uid), moment.isoformat(), "1.10", 1],
        "mapping": {"1": {"amount": "0.01", "currency": "RUB"}, "x": [False]},
    }
    assert type(plain(value)["inner"]["kind"]) is not Kind  # the enum's value, not the member
