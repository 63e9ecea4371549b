from __future__ import annotations

import asyncio

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.catalog_exports.all_brands import all_brands
from gifthub.application.ports.catalog_document_renderer import CatalogDocumentRenderer
from gifthub.application.ports.catalog_search import CatalogSearch
from gifthub.domain.identity import Principal

CHUNK = 25  # logos per worker-thread call: a shutdown waits for one chunk at most, not the whole catalog


class PrepareBrandLogos:
    """After a catalog sync: fetch and convert the logos of every selling brand that are not prepared
    yet, in the background, so that a brand-sheet export reads them from disk instead of paying for
    thousands of downloads and rasterisations while the user waits."""

    def __init__(self, search: CatalogSearch, renderer: CatalogDocumentRenderer) -> None:
        self._search, self._renderer = search, renderer

    async def execute(self, principal: Principal) -> int:
        ensure_platform_admin(principal, "prepare brand logos")
        urls = [brand.logo_url for brand in await all_brands(self._search, None) if brand.logo_url]
        ready = 0
        for start in range(0, len(urls), CHUNK):
            ready += await asyncio.to_thread(self._renderer.prepare_logos, urls[start : start + CHUNK])
        return ready
