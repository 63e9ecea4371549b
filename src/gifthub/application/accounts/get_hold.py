from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_sees_project
from gifthub.application.errors import NotFound
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.hold import Hold
from gifthub.domain.identity import Principal


class GetHold:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, project_id: UUID, hold_id: UUID) -> Hold:
        async with self._uow as uow:
            ensure_sees_project(principal, await uow.projects.get(project_id))
            hold = await uow.ledger.get_hold(hold_id)
        if hold is None or hold.project_id != project_id:
            raise NotFound("hold not found")
        return hold
