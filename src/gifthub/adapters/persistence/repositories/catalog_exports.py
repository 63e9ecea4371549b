"""Catalog exports in SQL Core: a small status row rewritten as the job advances (no identity map needed)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.repositories.tracker import Tracker
from gifthub.adapters.persistence.tables_catalog_exports import catalog_exports as table
from gifthub.domain.catalog_export import CatalogExport, ExportFormat, ExportStatus


class SqlCatalogExportRepository:
    def __init__(self, session: AsyncSession, tracker: Tracker) -> None:
        self._session, self._tracker = session, tracker
        self._new: list[CatalogExport] = []

    def add(self, export: CatalogExport) -> None:
        self._new.append(export)
        self._tracker.track(export)

    async def flush(self) -> None:
        new, self._new = self._new, []
        for export in new:
            await self._session.execute(insert(table).values(id=export.id, **_values(export)))

    async def get(self, export_id: UUID) -> CatalogExport | None:
        row = (await self._session.execute(select(table).where(table.c.id == export_id))).first()
        if row is None:
            return None
        export = CatalogExport(
            id=row.id,
            cabinet_id=row.cabinet_id,
            project_id=row.project_id,
            format=ExportFormat(row.format),
            requested_by=row.requested_by,
            created_at=row.created_at,
            status=ExportStatus(row.status),
            progress=row.progress,
            file_name=row.file_name,
            size=row.size,
            error=row.error,
            finished_at=row.finished_at,
        )
        self._tracker.track(export)
        return export

    async def save(self, export: CatalogExport) -> None:
        await self._session.execute(update(table).where(table.c.id == export.id).values(**_values(export)))


def _values(export: CatalogExport) -> dict:
    return {
        "cabinet_id": export.cabinet_id,
        "project_id": export.project_id,
        "format": export.format,
        "status": export.status,
        "progress": export.progress,
        "requested_by": export.requested_by,
        "file_name": export.file_name,
        "size": export.size,
        "error": export.error,
        "created_at": export.created_at,
        "finished_at": export.finished_at,
    }
