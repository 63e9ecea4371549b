from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.catalog.viewer import Viewer
from gifthub.application.ports.commission_rules import CommissionRules
from gifthub.domain.catalog import Product
from gifthub.domain.commission_rules import commission_for
from gifthub.domain.money import Money
from gifthub.domain.pricing import Commission


@dataclass(frozen=True)
class PricedProduct:
    """A product as one project sees it: its faces and what each costs with the commission."""

    product: Product
    commission: Commission

    def price(self, face_minor: int) -> Money:
        return self.commission.price(Money(face_minor, self.product.currency))


async def price_all(rules: CommissionRules, viewer: Viewer, products: list[Product]) -> list[PricedProduct]:
    """One read of the cabinet's rules for a whole page; the platform's own view has no commission."""
    cabinet_rules = await rules.rules_of(viewer.cabinet_id) if viewer.cabinet_id else []
    return [PricedProduct(p, commission_for(cabinet_rules, viewer.project_id, p)) for p in products]
