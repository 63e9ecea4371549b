from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.catalog import Product
from gifthub.domain.pricing import Commission


class PricingReader(Protocol):
    async def commission_for(self, cabinet_id: UUID, project_id: UUID | None, product: Product) -> Commission:
        """The most specific rule wins: project + product, project + brand, project, cabinet + product,
        cabinet + brand, cabinet; none means NO_COMMISSION."""
        ...
