from __future__ import annotations

from uuid import UUID

from gifthub.application.catalog.viewer import viewer_of
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.catalog_search import CatalogSearch
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.catalog import Brand
from gifthub.domain.identity import Principal


class ListBrands:
    """Brands with at least one active product in the viewer's region, by name."""

    def __init__(self, uow: UnitOfWork, search: CatalogSearch) -> None:
        self._uow, self._search = uow, search

    async def execute(
        self, principal: Principal, project_id: UUID | None, limit: int, cursor: str | None
    ) -> Page[Brand]:
        check_limit(limit)
        after = decode_cursor(cursor, 2)
        viewer = await viewer_of(principal, project_id, self._uow)
        rows = await self._search.list_brands(viewer.regions, tuple(after) if after else None, limit + 1)
        return page_of(rows, limit, lambda b: encode_cursor(b.name, b.id))
