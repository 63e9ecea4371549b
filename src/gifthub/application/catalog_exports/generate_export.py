from __future__ import annotations

import asyncio
from collections.abc import Callable
from uuid import UUID

from gifthub.application.catalog.priced_product import price_all
from gifthub.application.catalog.viewer import Viewer
from gifthub.application.catalog_exports.all_brands import all_brands
from gifthub.application.ports.catalog_document_renderer import CatalogDocumentRenderer
from gifthub.application.ports.catalog_exports_unit_of_work import CatalogExportsUnitOfWork
from gifthub.application.ports.catalog_search import CatalogSearch, ProductFilter
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.commission_rules import CommissionRules
from gifthub.application.ports.export_files import ExportFiles
from gifthub.domain.catalog import Product
from gifthub.domain.catalog_export import CatalogExport, ExportFormat
from gifthub.domain.region import Region

PAGE = 500


class NothingToExport(Exception):
    pass


class GenerateCatalogExport:
    """The background half of an export: read the cabinet's catalog, render, store, announce.

    Progress is committed in short transactions of its own so a poller sees it move; the catalog is read
    in keyset pages. Any failure marks the export failed with a reason instead of leaving it pending.
    """

    def __init__(
        self,
        uow: CatalogExportsUnitOfWork,
        search: CatalogSearch,
        rules: CommissionRules,
        renderer: CatalogDocumentRenderer,
        files: ExportFiles,
        clock: Clock,
    ) -> None:
        self._uow, self._search, self._rules = uow, search, rules
        self._renderer, self._files, self._clock = renderer, files, clock

    async def execute(self, export_id: UUID) -> CatalogExport | None:
        export = await self._update(export_id, lambda e: e.advance(1))
        if export is None:
            return None
        try:
            data, file_name = await self._render(export)
            await self._files.write(export.id, data)
        except NothingToExport as error:
            reason = str(error)
            return await self._update(export_id, lambda e: e.fail(reason, self._clock.now()))
        except Exception as error:
            reason = f"generation failed: {type(error).__name__}"  # no details: they may carry URLs or data
            await self._update(export_id, lambda e: e.fail(reason, self._clock.now()))
            raise
        return await self._update(export_id, lambda e: e.finish(file_name, len(data), self._clock.now()))

    async def _render(self, export: CatalogExport) -> tuple[bytes, str]:
        regions = await self._regions(export)
        if not regions:
            raise NothingToExport("the cabinet has no projects, so no region to export")
        stamp = self._clock.now().strftime("%Y%m%d-%H%M")
        if export.format is ExportFormat.XLSX:
            products = await self._products(export, regions)
            await self._update(export.id, lambda e: e.advance(60))
            priced = await price_all(self._rules, Viewer(regions, export.cabinet_id, export.project_id), products)
            titles = {c.id: c.title for c in await self._search.list_categories()}
            await self._update(export.id, lambda e: e.advance(70))
            data = await asyncio.to_thread(self._renderer.spreadsheet, priced, titles)
            return data, f"catalog-{stamp}.xlsx"
        brands = await all_brands(self._search, regions)
        await self._update(export.id, lambda e: e.advance(30))
        title = "Бренды: " + ", ".join(sorted(r.value for r in regions))
        data = await asyncio.to_thread(self._renderer.brand_sheet, brands, title)
        return data, f"brands-{stamp}.pdf"

    async def _regions(self, export: CatalogExport) -> frozenset[Region]:
        async with self._uow as uow:
            if export.project_id is not None:
                project = await uow.projects.get(export.project_id)
                return frozenset({project.region}) if project else frozenset()
            regions: set[Region] = set()
            after = None
            while True:
                projects = await uow.projects.list(cabinet_ids=frozenset({export.cabinet_id}), after=after, limit=200)
                regions |= {p.region for p in projects}
                if len(projects) < 200:
                    return frozenset(regions)
                after = (projects[-1].created_at.isoformat(), str(projects[-1].id))

    async def _products(self, export: CatalogExport, regions: frozenset[Region]) -> list[Product]:
        found: list[Product] = []
        after: tuple[str, str] | None = None
        while True:
            page = await self._search.search(ProductFilter(regions=regions), after, PAGE)
            found += page
            progress = min(55, 5 + len(found) // PAGE * 5)
            await self._update(export.id, lambda e, p=progress: e.advance(p))
            if len(page) < PAGE:
                return found
            after = (page[-1].title, page[-1].id)

    async def _update(self, export_id: UUID, change: Callable[[CatalogExport], object]) -> CatalogExport | None:
        async with self._uow as uow:
            export = await uow.exports.get(export_id)
            if export is None or not export.is_open:
                return None  # gone, or finished by another worker: nothing more to do
            change(export)
            await uow.exports.save(export)
            await uow.commit()
        return export
