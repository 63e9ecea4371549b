from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_sees_cabinet
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.identity import Principal


class GetCabinet:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, cabinet_id: UUID) -> Cabinet:
        async with self._uow as uow:
            return ensure_sees_cabinet(principal, await uow.cabinets.get(cabinet_id))
