from __future__ import annotations

from gifthub.application.ports.catalog_search import CatalogSearch
from gifthub.domain.catalog import Category
from gifthub.domain.identity import Principal


class ListCategories:
    def __init__(self, search: CatalogSearch) -> None:
        self._search = search

    async def execute(self, principal: Principal) -> list[Category]:
        return await self._search.list_categories()
