from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_cabinet
from gifthub.application.errors import NotFound
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.application.retry import retrying
from gifthub.domain.b2b_code import B2B_CODE_BITS, b2b_code
from gifthub.domain.identity import Principal
from gifthub.domain.project import Project
from gifthub.domain.region import Region


@dataclass(frozen=True)
class CreateProjectCommand:
    cabinet_id: UUID
    name: str
    region: Region


class CreateProject:
    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: CreateProjectCommand) -> Project:
        # A code collision (1 in 2^40 per pair) surfaces as a unique-key race: retry with a new code.
        return await retrying(lambda: self._create(principal, command))

    async def _create(self, principal: Principal, command: CreateProjectCommand) -> Project:
        async with self._uow as uow:
            cabinet = await uow.cabinets.get(command.cabinet_id)
            if cabinet is None:
                raise NotFound("cabinet not found")
            ensure_can_manage_cabinet(principal, cabinet)
            code = await self._free_code(uow, command.region)
            project = Project.create(
                self._ids.new_id(), cabinet.id, command.name, command.region, code, self._clock.now()
            )
            uow.projects.add(project)
            await uow.commit()
        return project

    async def _free_code(self, uow: UnitOfWork, region: Region) -> str:
        while True:
            code = b2b_code(region, self._ids.random_bits(B2B_CODE_BITS))
            if not await uow.projects.b2b_code_taken(code):
                return code
