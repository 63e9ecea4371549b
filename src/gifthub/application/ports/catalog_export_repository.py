from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.catalog_export import CatalogExport


class CatalogExportRepository(Protocol):
    def add(self, export: CatalogExport) -> None: ...

    async def get(self, export_id: UUID) -> CatalogExport | None: ...

    async def save(self, export: CatalogExport) -> None:
        """Write the export's status, progress and outcome; its events go to the outbox on commit."""
        ...
