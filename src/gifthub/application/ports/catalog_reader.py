from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from gifthub.domain.catalog import Brand, Product


class CatalogReader(Protocol):
    """The local copy of the catalog (synced from Giftery); the cabinet never waits on Giftery."""

    async def get_product(self, product_id: str) -> Product | None: ...

    async def get_products(self, product_ids: Iterable[str]) -> dict[str, Product]: ...

    async def get_brand(self, brand_id: str) -> Brand | None: ...
