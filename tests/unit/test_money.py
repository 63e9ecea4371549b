from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gifthub.domain.errors import CurrencyMismatch, InvalidAmount
from gifthub.domain.money import MAX_MAJOR_UNITS, Currency, Money, parse_currency


@pytest.mark.parametrize(
    ("text", "minor"),
    [("0", 0), ("1", 100), ("1.5", 150), ("1500.00", 150000), (" 12.34 ", 1234), ("-3.10", -310), ("1.500", 150)],
)
def test_parse_exact_decimal_strings(text, minor):
    assert Money.parse(text, "RUB") == Money(minor, Currency.RUB)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("1.005", "at most 2 decimal places"),
        ("abc", "not a decimal number"),
        ("", "not a decimal number"),
        ("NaN", "finite"),
        ("Infinity", "finite"),
        ("-inf", "finite"),
        ("1e30", "must not exceed"),
        ("100000000000000.00", "must not exceed"),
        ("1,50", "not a decimal number"),
    ],
)
def test_parse_refuses_with_a_message_naming_the_field(text, says):
    with pytest.raises(InvalidAmount) as caught:
        Money.parse(text, "RUB", field="amount")
    assert says in caught.value.message
    assert caught.value.field == "amount"


def test_parse_refuses_non_strings():
    with pytest.raises(InvalidAmount):
        Money.parse(1.5, "RUB")  # type: ignore[arg-type]


def test_unknown_currency_lists_the_accepted_ones():
    with pytest.raises(InvalidAmount) as caught:
        parse_currency("USD")
    assert "RUB, KZT, BYN" in caught.value.message
    assert caught.value.field == "currency"


def test_arithmetic_never_mixes_currencies():
    with pytest.raises(CurrencyMismatch):
        Money(100, Currency.RUB) + Money(100, Currency.KZT)
    with pytest.raises(CurrencyMismatch):
        _ = Money(100, Currency.RUB) < Money(100, Currency.BYN)


def test_float_minor_units_are_refused():
    with pytest.raises(InvalidAmount):
        Money(1.0, Currency.RUB)  # type: ignore[arg-type]


def test_wire_form_has_exactly_two_decimals():
    assert Money.parse("7", "KZT").to_string() == "7.00"
    assert Money(-5, Currency.BYN).to_string() == "-0.05"
    assert str(Money(123456, Currency.RUB)) == "1234.56 RUB"


def test_rounding_is_explicit():
    assert Money.rounded(Decimal("0.125"), Currency.RUB) == Money(12, Currency.RUB)  # half-even
    assert Money.rounded(Decimal("0.125"), Currency.RUB, "ROUND_HALF_UP") == Money(13, Currency.RUB)


def test_events_carry_amounts_as_decimal_strings_on_the_bus():
    import json
    from datetime import UTC, datetime
    from uuid import uuid4

    from gifthub.adapters.persistence.outbox_writer import event_payload
    from gifthub.domain.events import NegativeLimitChanged

    event = NegativeLimitChanged(
        occurred_at=datetime(2026, 1, 1, tzinfo=UTC),
        project_id=uuid4(),
        previous=Money(0, Currency.RUB),
        current=Money(150050, Currency.RUB),
    )
    body = json.loads(event_payload(event))
    assert body["current"] == {"amount": "1500.50", "currency": "RUB"}
    assert body["event"] == "project.negative_limit_changed"


@given(st.integers(min_value=-MAX_MAJOR_UNITS * 100, max_value=MAX_MAJOR_UNITS * 100), st.sampled_from(list(Currency)))
def test_the_wire_string_is_the_decimal_amount_with_the_currencys_decimals(minor, currency):
    money = Money(minor, currency)
    assert money.to_string() == f"{money.amount:.{currency.minor_digits}f}"
    assert Money.parse(money.to_string(), currency) == money
