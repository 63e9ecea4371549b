"""The VAT schedule from a TOML file (the packaged vat_rates.toml unless another path is given)."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path

from gifthub.domain.billing.vat import VatRate, VatSchedule
from gifthub.domain.region import Region

DEFAULT_PATH = Path(__file__).with_name("vat_rates.toml")


class VatScheduleFile:
    def __init__(self, path: Path = DEFAULT_PATH) -> None:
        self._path = path

    @cached_property
    def _schedule(self) -> VatSchedule:
        data = tomllib.loads(self._path.read_text(encoding="utf-8"))
        rates = []
        for i, item in enumerate(data.get("rate", []), start=1):
            try:
                valid_from = item["from"]
                if not isinstance(valid_from, date):
                    raise TypeError("from must be a TOML date")
                rates.append(VatRate(Region(item["country"]), Decimal(item["percent"]), valid_from))
            except (KeyError, ValueError, TypeError, InvalidOperation) as error:
                raise ValueError(f"{self._path}: rate #{i} is malformed: {error}") from None
        return VatSchedule(tuple(rates))

    def schedule(self) -> VatSchedule:
        return self._schedule
