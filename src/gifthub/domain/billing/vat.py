"""VAT: dated rates per country (loaded from configuration, never written here) and its arithmetic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from gifthub.domain.billing.errors import UnknownVatRate
from gifthub.domain.money import Money
from gifthub.domain.region import Region


@dataclass(frozen=True)
class VatRate:
    country: Region
    percent: Decimal  # 22 means 22 %
    valid_from: date


@dataclass(frozen=True)
class VatSchedule:
    rates: tuple[VatRate, ...]

    def percent_on(self, country: Region, day: date) -> Decimal:
        """The rate in force on ``day``: the latest one whose ``valid_from`` is not after it."""
        candidates = [r for r in self.rates if r.country is country and r.valid_from <= day]
        if not candidates:
            raise UnknownVatRate(f"no VAT rate for {country} on {day.isoformat()}", field="vat")
        return max(candidates, key=lambda r: r.valid_from).percent


def vat_included(total: Money, percent: Decimal) -> Money:
    """The VAT inside a VAT-inclusive total: total x rate / (100 + rate), rounded half-up to the kopeck
    (the way Russian accounting and 1C compute "в том числе НДС")."""
    if percent < 0:
        raise UnknownVatRate("a VAT rate cannot be negative", field="vat")
    if percent == 0:
        return Money.zero(total.currency)
    exact = total.amount * percent / (Decimal(100) + percent)
    return Money.of(exact.quantize(total.currency.quantum, rounding=ROUND_HALF_UP), total.currency)
