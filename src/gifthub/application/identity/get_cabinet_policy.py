from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_read_cabinet_admin
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.cabinet_policy import CabinetPolicy
from gifthub.domain.identity import Principal


class GetCabinetPolicy:
    def __init__(self, uow: IdentityUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, principal: Principal, cabinet_id: UUID) -> CabinetPolicy:
        async with self._uow as uow:
            ensure_can_read_cabinet_admin(principal, await uow.cabinets.get(cabinet_id))
            policy = await uow.cabinet_policies.get(cabinet_id)
        return policy or CabinetPolicy(cabinet_id, False, "", self._clock.now())
