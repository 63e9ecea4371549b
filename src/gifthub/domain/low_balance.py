"""A project's low-balance threshold: alert once when available funds fall below it, re-arm above it."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.domain.errors import InvalidAmount
from gifthub.domain.money import Money


@dataclass
class LowBalanceAlert:
    project_id: UUID
    threshold: Money
    alerted: bool = False

    def change_threshold(self, threshold: Money) -> None:
        if threshold.minor < 0:
            raise InvalidAmount("the threshold cannot be negative", field="amount")
        self.threshold = threshold
        self.alerted = False

    def observe(self, available: Money) -> bool:
        """True exactly when this balance crosses below the threshold (one alert per dip)."""
        if available.currency is not self.threshold.currency:
            return False
        if available < self.threshold:
            if not self.alerted:
                self.alerted = True
                return True
            return False
        self.alerted = False
        return False
