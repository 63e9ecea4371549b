"""What a client pays for a certificate: its face value plus the platform's commission (or minus a discount)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from gifthub.domain.errors import DomainError
from gifthub.domain.money import Money


class InvalidCommission(DomainError):
    code = "invalid-commission"


@dataclass(frozen=True)
class Commission:
    """A percentage of the face value: positive is a fee, negative a discount (e.g. ``Decimal("-3.5")``)."""

    percent: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        if not isinstance(self.percent, Decimal) or not self.percent.is_finite():
            raise InvalidCommission("commission must be a finite decimal percentage", field="percent")
        if not Decimal(-100) < self.percent <= Decimal(100):
            raise InvalidCommission("commission must be above -100% and at most 100%", field="percent")
        if self.percent.as_tuple().exponent < -2:  # type: ignore[operator]
            raise InvalidCommission("commission has at most two decimal places", field="percent")

    def fee(self, face: Money) -> Money:
        """Rounded half-up to the kopeck per certificate, so a line's total is a whole multiple of it."""
        return Money.rounded(face.amount * self.percent / Decimal(100), face.currency, ROUND_HALF_UP)

    def price(self, face: Money) -> Money:
        return face + self.fee(face)


NO_COMMISSION = Commission()
