from __future__ import annotations

from gifthub.application.ports.catalog_search import CatalogSearch
from gifthub.domain.catalog import Brand
from gifthub.domain.region import Region

PAGE = 500


async def all_brands(search: CatalogSearch, regions: frozenset[Region] | None) -> list[Brand]:
    """Every selling brand of these regions (all regions for None), read page by page by (name, id)."""
    found: list[Brand] = []
    after: tuple[str, str] | None = None
    while True:
        page = await search.list_brands(regions, after, PAGE)
        found += page
        if len(page) < PAGE:
            return found
        after = (page[-1].name, page[-1].id)
