from __future__ import annotations

from typing import Protocol

from gifthub.domain.billing.vat import VatSchedule


class VatScheduleSource(Protocol):
    """The dated VAT rates per country, from configuration."""

    def schedule(self) -> VatSchedule: ...
