from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.identity import Principal


@dataclass(frozen=True)
class CreateCabinetCommand:
    name: str


class CreateCabinet:
    """Open a client's cabinet. Self-registration arrives with the identity capability."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: CreateCabinetCommand) -> Cabinet:
        ensure_platform_admin(principal, "open cabinets")
        async with self._uow as uow:
            cabinet = Cabinet.open(self._ids.new_id(), command.name, self._clock.now())
            uow.cabinets.add(cabinet)
            await uow.commit()
        return cabinet
