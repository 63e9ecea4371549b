from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_sees_project
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.project import Project


class GetProject:
    """A project with its balance: posted, held, limit and available."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, project_id: UUID) -> Project:
        async with self._uow as uow:
            return ensure_sees_project(principal, await uow.projects.get(project_id))
