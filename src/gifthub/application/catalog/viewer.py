from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_sees_project
from gifthub.application.catalog.errors import ProjectRequired
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.region import Region


@dataclass(frozen=True)
class Viewer:
    """Whose eyes the catalog is seen through: the project's region and its cabinet's prices."""

    regions: frozenset[Region] | None  # None: the platform sees every region
    cabinet_id: UUID | None = None
    project_id: UUID | None = None


async def viewer_of(principal: Principal, project_id: UUID | None, uow: UnitOfWork) -> Viewer:
    if principal.kind is PrincipalKind.API_CLIENT:
        # An API client sees through its own project only; another project "does not exist" for it.
        project_id = project_id or principal.project_id
    if project_id is None:
        if principal.is_platform:
            return Viewer(regions=None)
        raise ProjectRequired(
            "give project_id: the catalog shown depends on the project's region and prices", field="project_id"
        )
    async with uow:
        project = ensure_sees_project(principal, await uow.projects.get(project_id))
    return Viewer(frozenset({project.region}), project.cabinet_id, project.id)
