from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.authorization import ensure_platform_admin, ensure_sees_cabinet
from gifthub.application.errors import NotFound
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.commission_rules import CommissionRules
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.commission_rules import CommissionRule, CommissionScope
from gifthub.domain.identity import Principal
from gifthub.domain.pricing import Commission


@dataclass(frozen=True)
class SetCommissionCommand:
    scope: CommissionScope
    commission: Commission


class SetCommission:
    """Platform administrators set a fee (or a discount) per cabinet / project, optionally per brand or product."""

    def __init__(
        self, uow: UnitOfWork, catalog: CatalogReader, rules: CommissionRules, clock: Clock, ids: IdGenerator
    ) -> None:
        self._uow, self._catalog, self._rules, self._clock, self._ids = uow, catalog, rules, clock, ids

    async def execute(self, principal: Principal, command: SetCommissionCommand) -> CommissionRule:
        ensure_platform_admin(principal, "set commissions")
        scope = command.scope
        async with self._uow as uow:
            ensure_sees_cabinet(principal, await uow.cabinets.get(scope.cabinet_id))
            if scope.project_id is not None:
                project = await uow.projects.get(scope.project_id)
                if project is None or project.cabinet_id != scope.cabinet_id:
                    raise NotFound("project not found in this cabinet")
        if scope.product_id is not None and await self._catalog.get_product(scope.product_id) is None:
            raise NotFound("product not found")
        if scope.brand_id is not None and await self._catalog.get_brand(scope.brand_id) is None:
            raise NotFound("brand not found")
        rule = CommissionRule(self._ids.new_id(), scope, command.commission, self._clock.now())
        return await self._rules.put(rule)
