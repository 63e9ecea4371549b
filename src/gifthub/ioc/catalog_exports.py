"""Catalog exports: XLSX and PDF rendering, files on disk, the in-process background scheduler."""

from __future__ import annotations

from collections.abc import AsyncIterator

from dishka import AsyncContainer, Provider, Scope, provide, provide_all
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.exports.asyncio_scheduler import AsyncioExportScheduler
from gifthub.adapters.exports.brand_sheet_pdf import BrandSheetPdf
from gifthub.adapters.exports.export_files import DiskExportFiles
from gifthub.adapters.exports.renderer import CatalogDocuments
from gifthub.adapters.persistence.catalog_exports_unit_of_work import SqlCatalogExportsUnitOfWork
from gifthub.application.catalog_exports.generate_export import GenerateCatalogExport
from gifthub.application.catalog_exports.get_export import DownloadCatalogExport, GetCatalogExport
from gifthub.application.catalog_exports.prepare_brand_logos import PrepareBrandLogos
from gifthub.application.catalog_exports.request_export import RequestCatalogExport
from gifthub.application.ports.catalog_document_renderer import CatalogDocumentRenderer
from gifthub.application.ports.catalog_exports_unit_of_work import CatalogExportsUnitOfWork
from gifthub.application.ports.export_files import ExportFiles
from gifthub.application.ports.export_scheduler import ExportScheduler
from gifthub.config import Settings


class CatalogExportsProvider(Provider):
    scope = Scope.REQUEST

    @provide
    def unit_of_work(self, sessions: async_sessionmaker[AsyncSession]) -> CatalogExportsUnitOfWork:
        return SqlCatalogExportsUnitOfWork(sessions)

    @provide(scope=Scope.APP)
    def files(self, settings: Settings) -> ExportFiles:
        return DiskExportFiles(settings.data_dir / "exports")

    @provide(scope=Scope.APP)
    def renderer(self, settings: Settings) -> CatalogDocumentRenderer:
        # Rasterised logos are kept beside the exports and reused by every later export.
        return CatalogDocuments(pdf=BrandSheetPdf(logo_directory=settings.data_dir / "exports" / "logos"))

    @provide(scope=Scope.APP)
    async def asyncio_scheduler(self, container: AsyncContainer) -> AsyncIterator[AsyncioExportScheduler]:
        scheduler = AsyncioExportScheduler(container)
        yield scheduler
        await scheduler.close()

    @provide(scope=Scope.APP)
    def scheduler(self, scheduler: AsyncioExportScheduler) -> ExportScheduler:
        return scheduler

    use_cases = provide_all(
        RequestCatalogExport, GenerateCatalogExport, GetCatalogExport, DownloadCatalogExport, PrepareBrandLogos
    )
