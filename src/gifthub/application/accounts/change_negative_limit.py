from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_platform_admin, ensure_sees_project
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.domain.project import Project


@dataclass(frozen=True)
class ChangeNegativeLimitCommand:
    project_id: UUID
    negative_limit: Money


class ChangeNegativeLimit:
    """Only platform staff set how far below zero a project may go; history is never rewritten."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, principal: Principal, command: ChangeNegativeLimitCommand) -> Project:
        async with self._uow as uow:
            project = ensure_sees_project(principal, await uow.projects.get(command.project_id, for_update=True))
            ensure_platform_admin(principal, "change a project's negative-balance limit")
            project.change_negative_limit(command.negative_limit, self._clock.now())
            await uow.commit()
        return project
