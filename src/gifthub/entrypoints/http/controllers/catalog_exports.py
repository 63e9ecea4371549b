"""Catalog exports of a cabinet: ask for one (202), watch its progress, download the file."""

from __future__ import annotations

from urllib.parse import quote
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.params import FromPath, JSONBody

from gifthub.application.catalog_exports.get_export import DownloadCatalogExport, GetCatalogExport
from gifthub.application.catalog_exports.request_export import ExportRequest, RequestCatalogExport
from gifthub.domain.identity import Principal
from gifthub.entrypoints.http.schemas.catalog_exports import CatalogExportIn, CatalogExportOut


class CatalogExportController(Controller):
    path = "/cabinets/{cabinet_id:uuid}/catalog-exports"
    tags = ["catalog"]

    @post(
        "/", summary="Generate a catalog export (XLSX price list or PDF brand sheet) in the background", status_code=202
    )
    async def request_export(
        self,
        cabinet_id: FromPath[UUID],
        data: JSONBody[CatalogExportIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[RequestCatalogExport],
    ) -> CatalogExportOut:
        request = ExportRequest(cabinet_id=cabinet_id, format=data.format, project_id=data.project_id)
        return CatalogExportOut.of(await use_case.execute(principal, request))

    @get("/{export_id:uuid}", summary="Status and progress (0-100) of an export")
    async def get_export(
        self,
        cabinet_id: FromPath[UUID],
        export_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[GetCatalogExport],
    ) -> CatalogExportOut:
        return CatalogExportOut.of(await use_case.execute(principal, cabinet_id, export_id))

    @get("/{export_id:uuid}/file", summary="Download a ready export (409 while it is being generated)")
    async def download(
        self,
        cabinet_id: FromPath[UUID],
        export_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[DownloadCatalogExport],
    ) -> Response[bytes]:
        export, data = await use_case.execute(principal, cabinet_id, export_id)
        disposition = f"attachment; filename*=UTF-8''{quote(export.file_name)}"
        return Response(data, media_type=export.format.media_type, headers={"Content-Disposition": disposition})
