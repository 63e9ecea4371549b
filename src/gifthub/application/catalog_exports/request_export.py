from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_sees_cabinet, ensure_sees_project
from gifthub.application.errors import NotFound
from gifthub.application.ports.catalog_exports_unit_of_work import CatalogExportsUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.export_scheduler import ExportScheduler
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.domain.catalog_export import CatalogExport, ExportFormat
from gifthub.domain.identity import Principal


@dataclass(frozen=True)
class ExportRequest:
    cabinet_id: UUID
    format: str
    project_id: UUID | None = None  # the project's region and prices; none: every region of the cabinet


class RequestCatalogExport:
    """Records a pending export and hands it to the background; the caller polls its progress."""

    def __init__(
        self, uow: CatalogExportsUnitOfWork, clock: Clock, ids: IdGenerator, scheduler: ExportScheduler
    ) -> None:
        self._uow, self._clock, self._ids, self._scheduler = uow, clock, ids, scheduler

    async def execute(self, principal: Principal, request: ExportRequest) -> CatalogExport:
        export_format = ExportFormat.parse(request.format)
        async with self._uow as uow:
            cabinet = ensure_sees_cabinet(principal, await uow.cabinets.get(request.cabinet_id))
            if request.project_id is not None:
                project = ensure_sees_project(principal, await uow.projects.get(request.project_id))
                if project.cabinet_id != cabinet.id:
                    raise NotFound("project not found")
            export = CatalogExport(
                id=self._ids.new_id(),
                cabinet_id=cabinet.id,
                project_id=request.project_id,
                format=export_format,
                requested_by=str(principal),
                created_at=self._clock.now(),
            )
            uow.exports.add(export)
            await uow.commit()
        self._scheduler.schedule(export.id)  # after the commit: the job must find the row
        return export
