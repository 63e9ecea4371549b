"""Regions the platform sells in; each has one currency."""

from __future__ import annotations

from enum import StrEnum

from gifthub.domain.errors import DomainError
from gifthub.domain.money import Currency


class Region(StrEnum):
    RU = "RU"
    KZ = "KZ"
    BY = "BY"

    @property
    def currency(self) -> Currency:
        return _CURRENCY[self]

    @property
    def time_zone(self) -> str:
        """The region's capital zone: the default for whoever has no zone of their own (an API key)."""
        return _TIME_ZONE[self]


_CURRENCY = {Region.RU: Currency.RUB, Region.KZ: Currency.KZT, Region.BY: Currency.BYN}
_TIME_ZONE = {Region.RU: "Europe/Moscow", Region.KZ: "Asia/Almaty", Region.BY: "Europe/Minsk"}


class InvalidRegion(DomainError):
    code = "invalid-region"


def parse_region(value: str, *, field: str = "region") -> Region:
    try:
        return Region(str(value).strip().upper())
    except ValueError:
        accepted = ", ".join(r.value for r in Region)
        raise InvalidRegion(f"unknown region {value!r}; accepted: {accepted}", field=field) from None
