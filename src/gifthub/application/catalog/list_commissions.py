from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_read_cabinet_admin, ensure_sees_cabinet
from gifthub.application.ports.commission_rules import CommissionRules
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.commission_rules import CommissionRule
from gifthub.domain.identity import Principal


class ListCommissions:
    def __init__(self, uow: UnitOfWork, rules: CommissionRules) -> None:
        self._uow, self._rules = uow, rules

    async def execute(self, principal: Principal, cabinet_id: UUID) -> list[CommissionRule]:
        async with self._uow as uow:
            ensure_can_read_cabinet_admin(principal, ensure_sees_cabinet(principal, await uow.cabinets.get(cabinet_id)))
        return sorted(await self._rules.rules_of(cabinet_id), key=lambda r: (r.scope.rank, r.scope.key))
