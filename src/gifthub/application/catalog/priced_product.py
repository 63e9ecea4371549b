from __future__ import annotations

from dataclasses import dataclass

from gifthub.domain.catalog import Product
from gifthub.domain.money import Money
from gifthub.domain.pricing import Commission


@dataclass(frozen=True)
class PricedProduct:
    """A product as one project sees it: its faces and what each costs with the commission."""

    product: Product
    commission: Commission

    def price(self, face_minor: int) -> Money:
        return self.commission.price(Money(face_minor, self.product.currency))
