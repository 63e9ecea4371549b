from __future__ import annotations

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.errors import NotFound
from gifthub.application.ports.commission_rules import CommissionRules
from gifthub.domain.commission_rules import CommissionScope
from gifthub.domain.identity import Principal


class RemoveCommission:
    def __init__(self, rules: CommissionRules) -> None:
        self._rules = rules

    async def execute(self, principal: Principal, scope: CommissionScope) -> None:
        ensure_platform_admin(principal, "remove commissions")
        if not await self._rules.remove(scope):
            raise NotFound("no such commission rule")
