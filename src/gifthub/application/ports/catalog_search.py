from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from gifthub.domain.catalog import Acceptance, Brand, Category, Product
from gifthub.domain.region import Region


@dataclass(frozen=True)
class ProductFilter:
    regions: frozenset[Region] | None = None  # None: every region
    text: str = ""  # case-insensitive, in titles and the brand name
    category_id: str | None = None
    brand_id: str | None = None
    acceptance: Acceptance | None = None  # online/offline also match "both"
    nominal_min: int | None = None  # minor units: products that can be bought at some face in the range
    nominal_max: int | None = None


class CatalogSearch(Protocol):
    """Listing the local catalog. Pages are keyset ``after`` the last (title, id) seen."""

    async def search(self, query: ProductFilter, after: tuple[str, str] | None, limit: int) -> list[Product]: ...

    async def list_brands(
        self, regions: frozenset[Region] | None, after: tuple[str, str] | None, limit: int
    ) -> list[Brand]: ...

    async def list_categories(self) -> list[Category]: ...
