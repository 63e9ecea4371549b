from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.commission_rules import CommissionRule, CommissionScope


class CommissionRules(Protocol):
    async def rules_of(self, cabinet_id: UUID) -> list[CommissionRule]:
        """Every rule of the cabinet (its projects' too): few rows, resolved in memory per product."""
        ...

    async def put(self, rule: CommissionRule) -> CommissionRule:
        """Create or replace the rule of ``rule.scope``; returns what is stored."""
        ...

    async def remove(self, scope: CommissionScope) -> bool: ...
