"""Sellers' requisites, VAT arithmetic, invoice numbers and payments against an invoice."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gifthub.adapters.billing.vat_schedule_file import VatScheduleFile
from gifthub.domain.billing import seller_requisites as req
from gifthub.domain.billing.errors import InvalidRequisite, InvoiceClosed, UnknownVatRate
from gifthub.domain.billing.invoice import (
    Buyer,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
    numbers_in,
)
from gifthub.domain.billing.vat import vat_included
from gifthub.domain.money import Currency, Money
from gifthub.domain.region import Region
from tests.support.billing import kz_seller, ru_seller


def rub(text: str) -> Money:
    return Money.parse(text, Currency.RUB)


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (req.check_inn, "7707083893"),
        (req.check_inn, "561100409545"),
        (req.check_ogrn, "1027700132195"),
        (req.check_bin, "090840000906"),
        (req.check_unp, "200988541"),
        (req.check_iban, "KZ86125KZT5004100100"),
    ],
)
def test_reference_vectors_pass(check, value):
    assert check(value) == value


@pytest.mark.parametrize(
    ("check", "value"),
    [
        (req.check_inn, "7707083894"),
        (req.check_inn, "561100409546"),
        (req.check_bin, "090840000907"),
        (req.check_unp, "200988542"),
        (req.check_iban, "KZ87125KZT5004100100"),
        (req.check_kpp, "77070100"),
    ],
)
def test_bad_checksums_are_refused(check, value):
    with pytest.raises(InvalidRequisite):
        check(value)


def test_account_keys_follow_the_bic():
    assert req.check_settlement_account("40702810900000002851", "044030827")
    assert req.check_correspondent_account("30101810400000000225", "044525225")
    with pytest.raises(InvalidRequisite, match="control key"):
        req.check_settlement_account("40702810900000002851", "044525225")


def test_a_seller_with_a_bad_inn_is_refused_naming_the_field():
    seller = ru_seller()
    with pytest.raises(InvalidRequisite) as error:
        type(seller)(**{**seller.__dict__, "requisites": type(seller.requisites)(inn="7707083894", kpp="770701001")})
    assert error.value.field == "requisites.inn"
    assert kz_seller().requisites.bin == "090840000906"


def test_vat_rates_come_dated_from_the_configuration_file():
    schedule = VatScheduleFile().schedule()
    assert schedule.percent_on(Region.RU, date(2025, 12, 31)) == 20
    assert schedule.percent_on(Region.RU, date(2026, 1, 1)) == 22
    assert schedule.percent_on(Region.KZ, date(2025, 12, 31)) == 12
    assert schedule.percent_on(Region.KZ, date(2026, 1, 1)) == 16
    assert schedule.percent_on(Region.BY, date(2026, 6, 1)) == 20
    with pytest.raises(UnknownVatRate):
        schedule.percent_on(Region.RU, date(2000, 1, 1))


def test_vat_inside_a_total_rounds_half_up_to_the_kopeck():
    assert vat_included(rub("150000.00"), Decimal(22)) == rub("27049.18")
    assert vat_included(rub("120.00"), Decimal(20)) == rub("20.00")
    # 0.61 x 20 / 120 = 0.101666.. -> 0.10; 0.03 x 20/120 = 0.005 -> 0.01 (half-up, not to even)
    assert vat_included(rub("0.61"), Decimal(20)) == rub("0.10")
    assert vat_included(rub("0.03"), Decimal(20)) == rub("0.01")
    assert vat_included(rub("100.00"), Decimal(0)) == rub("0.00")


@given(minor=st.integers(min_value=1, max_value=10**15), percent=st.sampled_from([10, 12, 16, 20, 22]))
def test_vat_property_exact_half_up_and_consistent_with_the_net(minor, percent):
    total = Money(minor, Currency.RUB)
    vat = vat_included(total, Decimal(percent))
    exact = Decimal(minor) * percent / (100 + percent)
    assert vat.minor == int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert 0 <= vat.minor < minor
    net = minor - vat.minor
    # Adding VAT back to the net gives the total within one kopeck of rounding.
    assert abs(net * percent / 100 - vat.minor) <= 1 + percent / 100


def test_invoice_numbers_are_found_in_free_text():
    assert numbers_in("Оплата по счету № GHR-2026-00017 от 02.11.2026, в т.ч. НДС") == ["GHR-2026-00017"]
    assert numbers_in("оплата сч ghr 2026/17 и GHK-2026-00002") == ["GHR-2026-00017", "GHK-2026-00002"]
    assert numbers_in("Оплата по договору 15 от 01.11.2026") == []


def _invoice(total: str) -> Invoice:
    money = rub(total)
    return Invoice(
        uuid4(),
        uuid4(),
        uuid4(),
        "GHR-2026-00001",
        InvoiceKind.TOP_UP,
        date(2026, 11, 1),
        date(2026, 11, 6),
        Buyer("ООО «Ромашка»", "7707083893"),
        (InvoiceLine("Пополнение", money, 1),),
        Decimal(22),
        vat_included(money, Decimal(22)),
        InvoiceStatus.ISSUED,
        Money.zero(Currency.RUB),
        datetime.now(UTC),
    )


def test_partial_then_full_then_over_payment():
    invoice = _invoice("150000.00")
    assert invoice.accept_payment(rub("100000.00")) == rub("0.00")
    assert invoice.status is InvoiceStatus.PARTIALLY_PAID and invoice.outstanding == rub("50000.00")
    assert invoice.accept_payment(rub("50000.00")) == rub("0.00")
    assert invoice.status is InvoiceStatus.PAID
    with pytest.raises(InvoiceClosed):
        invoice.accept_payment(rub("1.00"))
    other = _invoice("100.00")
    assert other.accept_payment(rub("130.00")) == rub("30.00")
    assert other.status is InvoiceStatus.PAID


def test_cancel_and_expire_only_unpaid_invoices():
    invoice = _invoice("10.00")
    assert not invoice.expire(date(2026, 11, 6))
    assert invoice.expire(date(2026, 11, 7)) and invoice.status is InvoiceStatus.EXPIRED
    paid = _invoice("10.00")
    paid.accept_payment(rub("5.00"))
    with pytest.raises(InvoiceClosed):
        paid.cancel()


def test_matching_needs_the_payers_inn_and_an_open_invoice():
    from gifthub.domain.billing.matching import choose_invoice

    invoice = _invoice("100.00")
    assert choose_invoice([invoice], "7707083893", [invoice.number]).invoice is invoice
    other_payer = choose_invoice([invoice], "561100409545", [invoice.number])
    assert other_payer.invoice is None and "is for INN 7707083893" in other_payer.reason
    assert choose_invoice([], "7707083893", ["GHR-2026-00009"]).reason == "no invoice GHR-2026-00009"
    invoice.cancel()
    assert "already cancelled" in choose_invoice([invoice], "7707083893", [invoice.number]).reason
