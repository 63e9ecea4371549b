"""What can be bought: brands (suppliers), their products and each product's nominal rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from gifthub.domain.errors import DomainError
from gifthub.domain.money import Currency, Money
from gifthub.domain.region import Region


class NominalNotAllowed(DomainError):
    code = "nominal-not-allowed"


class Acceptance(StrEnum):
    """ "Приём сертификатов": where a certificate is accepted."""

    ONLINE = "online"
    OFFLINE = "offline"
    BOTH = "both"


@dataclass(frozen=True)
class NominalRule:
    """Fixed face values, or a free value in [minimum, maximum] in steps of ``step`` (minor units)."""

    fixed: tuple[int, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    step: int | None = None

    @property
    def is_free(self) -> bool:
        return self.minimum is not None and self.maximum is not None

    def allows(self, face: Money) -> bool:
        if face.minor in self.fixed:
            return True
        if not self.is_free:
            return False
        assert self.minimum is not None and self.maximum is not None
        if not self.minimum <= face.minor <= self.maximum:
            return False
        step = self.step or 1
        return (face.minor - self.minimum) % step == 0

    def ensure_allows(self, face: Money, *, field: str = "nominal") -> None:
        if not self.allows(face):
            raise NominalNotAllowed(
                f"nominal {face.to_string()} is not allowed: {self.describe(face.currency)}", field=field
            )

    def describe(self, currency: Currency) -> str:
        parts = []
        if self.fixed:
            parts.append("one of " + ", ".join(Money(v, currency).to_string() for v in self.fixed))
        if self.is_free:
            assert self.minimum is not None and self.maximum is not None
            low, high = Money(self.minimum, currency).to_string(), Money(self.maximum, currency).to_string()
            parts.append(f"from {low} to {high} in steps of {Money(self.step or 1, currency).to_string()}")
        return " or ".join(parts) or "no nominal is available"


@dataclass(frozen=True)
class Category:
    id: str
    code: str
    title: str
    title_en: str


@dataclass(eq=False)
class Brand:
    id: str  # Giftery supplier id
    name: str
    logo_url: str = ""


@dataclass(eq=False)
class Product:
    id: str  # Giftery product id
    brand_id: str
    title: str
    title_en: str
    region: Region
    nominals: NominalRule
    acceptance: Acceptance
    category_ids: tuple[str, ...] = ()
    image_url: str = ""
    disclaimer: str = ""  # HTML from Giftery, sanitized before display
    terms: str = ""
    active: bool = True
    updated_at: datetime | None = None
    brand_name: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def currency(self) -> Currency:
        return self.region.currency
