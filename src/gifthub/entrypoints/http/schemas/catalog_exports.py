from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

import msgspec

from gifthub.domain.catalog_export import CatalogExport
from gifthub.entrypoints.http.schemas.accounts import Body


class CatalogExportIn(Body):
    format: Literal["xlsx", "pdf"]
    project_id: UUID | None = None


class CatalogExportOut(msgspec.Struct, frozen=True):
    id: UUID
    cabinet_id: UUID
    project_id: UUID | None
    format: str
    status: str  # pending, running, ready, failed
    progress: int  # 0..100
    file_name: str
    size: int
    error: str
    created_at: datetime
    finished_at: datetime | None
    download_url: str | None  # when ready

    @classmethod
    def of(cls, export: CatalogExport) -> CatalogExportOut:
        ready = export.status.value == "ready"
        return cls(
            id=export.id,
            cabinet_id=export.cabinet_id,
            project_id=export.project_id,
            format=export.format.value,
            status=export.status.value,
            progress=export.progress,
            file_name=export.file_name,
            size=export.size,
            error=export.error,
            created_at=export.created_at,
            finished_at=export.finished_at,
            download_url=(f"/api/v1/cabinets/{export.cabinet_id}/catalog-exports/{export.id}/file" if ready else None),
        )
