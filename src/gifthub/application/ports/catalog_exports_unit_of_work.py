from __future__ import annotations

from typing import Protocol

from gifthub.application.ports.catalog_export_repository import CatalogExportRepository
from gifthub.application.ports.unit_of_work import UnitOfWork


class CatalogExportsUnitOfWork(UnitOfWork, Protocol):
    exports: CatalogExportRepository

    async def __aenter__(self) -> CatalogExportsUnitOfWork: ...
