"""Commission rules: set per cabinet or project, optionally narrowed to a brand or a product."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from gifthub.domain.catalog import Product
from gifthub.domain.errors import DomainError
from gifthub.domain.pricing import NO_COMMISSION, Commission


class InvalidCommissionRule(DomainError):
    code = "invalid-commission-rule"


@dataclass(frozen=True)
class CommissionScope:
    cabinet_id: UUID
    project_id: UUID | None = None
    brand_id: str | None = None
    product_id: str | None = None

    def __post_init__(self) -> None:
        if self.brand_id and self.product_id:
            raise InvalidCommissionRule("a rule names a brand or a product, not both", field="product_id")

    @property
    def key(self) -> str:
        """One rule per scope: the storage's unique key (NULLs would not collide in a unique index)."""
        return f"{self.cabinet_id}/{self.project_id or '*'}/{self.brand_id or '*'}/{self.product_id or '*'}"

    @property
    def rank(self) -> int:
        """Lower wins: project + product, project + brand, project, cabinet + product, cabinet + brand, cabinet."""
        narrowing = 0 if self.product_id else 1 if self.brand_id else 2
        return narrowing + (0 if self.project_id else 3)

    def covers(self, project_id: UUID | None, product: Product) -> bool:
        if self.project_id is not None and self.project_id != project_id:
            return False
        if self.product_id is not None and self.product_id != product.id:
            return False
        return self.brand_id is None or self.brand_id == product.brand_id


@dataclass(frozen=True)
class CommissionRule:
    id: UUID
    scope: CommissionScope
    commission: Commission
    updated_at: datetime


def commission_for(rules: list[CommissionRule], project_id: UUID | None, product: Product) -> Commission:
    """The most specific rule of the cabinet that covers this project and product; none: no commission."""
    matching = [rule for rule in rules if rule.scope.covers(project_id, product)]
    if not matching:
        return NO_COMMISSION
    return min(matching, key=lambda rule: rule.scope.rank).commission
