from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.audit_trail import audit_project, money_state
from gifthub.application.authorization import ensure_platform_admin, ensure_sees_project
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.domain.project import Project


@dataclass(frozen=True)
class ChangeNegativeLimitCommand:
    project_id: UUID
    negative_limit: Money


class ChangeNegativeLimit:
    """Only platform staff set how far below zero a project may go; history is never rewritten, and the
    change is audited with the money before and after."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: ChangeNegativeLimitCommand) -> Project:
        async with self._uow as uow:
            project = ensure_sees_project(principal, await uow.projects.get(command.project_id, for_update=True))
            ensure_platform_admin(principal, "change a project's negative-balance limit")
            now = self._clock.now()
            before = money_state(project)
            project.change_negative_limit(command.negative_limit, now)
            audit_project(
                uow, self._ids.new_id(), now, principal, "project.negative_limit_changed", project,
                before=before, after=money_state(project),
            )  # fmt: skip
            await uow.commit()
        return project
