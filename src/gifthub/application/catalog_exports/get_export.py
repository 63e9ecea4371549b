from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_sees_cabinet
from gifthub.application.catalog_exports.errors import ExportNotReady
from gifthub.application.errors import NotFound
from gifthub.application.ports.catalog_exports_unit_of_work import CatalogExportsUnitOfWork
from gifthub.application.ports.export_files import ExportFiles
from gifthub.domain.catalog_export import CatalogExport, ExportStatus
from gifthub.domain.identity import Principal


class GetCatalogExport:
    def __init__(self, uow: CatalogExportsUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, cabinet_id: UUID, export_id: UUID) -> CatalogExport:
        async with self._uow as uow:
            ensure_sees_cabinet(principal, await uow.cabinets.get(cabinet_id))
            export = await uow.exports.get(export_id)
        if export is None or export.cabinet_id != cabinet_id:
            raise NotFound("catalog export not found")
        return export


class DownloadCatalogExport:
    def __init__(self, uow: CatalogExportsUnitOfWork, files: ExportFiles) -> None:
        self._get, self._files = GetCatalogExport(uow), files

    async def execute(self, principal: Principal, cabinet_id: UUID, export_id: UUID) -> tuple[CatalogExport, bytes]:
        export = await self._get.execute(principal, cabinet_id, export_id)
        if export.status is not ExportStatus.READY:
            raise ExportNotReady(f"the export is {export.status.value} ({export.progress}%)", field="export_id")
        data = await self._files.read(export.id)
        if data is None:
            raise NotFound("the export's file is gone")
        return export, data
