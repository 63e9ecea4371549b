"""Commission rules, and the PricingReader other capabilities use to price an order line."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.tables_catalog import commission_rules
from gifthub.domain.catalog import Product
from gifthub.domain.commission_rules import CommissionRule, CommissionScope, commission_for
from gifthub.domain.pricing import Commission


class SqlCommissionRules:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def rules_of(self, cabinet_id: UUID) -> list[CommissionRule]:
        async with self._sessions() as session:
            rows = (
                await session.execute(select(commission_rules).where(commission_rules.c.cabinet_id == cabinet_id))
            ).all()
        return [_rule(row) for row in rows]

    async def put(self, rule: CommissionRule) -> CommissionRule:
        scope = rule.scope
        values = {
            "cabinet_id": scope.cabinet_id,
            "project_id": scope.project_id,
            "brand_id": scope.brand_id,
            "product_id": scope.product_id,
            "percent_hundredths": int(rule.commission.percent * 100),
            "updated_at": rule.updated_at,
        }
        async with self._sessions() as session, session.begin():
            changed = await session.execute(
                update(commission_rules).where(commission_rules.c.scope_key == scope.key).values(**values)
            )
            if not changed.rowcount:
                await session.execute(commission_rules.insert().values(id=rule.id, scope_key=scope.key, **values))
            row = (
                await session.execute(select(commission_rules).where(commission_rules.c.scope_key == scope.key))
            ).one()
        return _rule(row)

    async def remove(self, scope: CommissionScope) -> bool:
        async with self._sessions() as session, session.begin():
            result = await session.execute(delete(commission_rules).where(commission_rules.c.scope_key == scope.key))
        return bool(result.rowcount)


class SqlPricingReader:
    """PricingReader: the most specific rule of the cabinet for this project and product."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._rules = SqlCommissionRules(sessions)

    async def commission_for(self, cabinet_id: UUID, project_id: UUID | None, product: Product) -> Commission:
        return commission_for(await self._rules.rules_of(cabinet_id), project_id, product)


def _rule(row) -> CommissionRule:
    scope = CommissionScope(row.cabinet_id, row.project_id, row.brand_id, row.product_id)
    return CommissionRule(row.id, scope, Commission(Decimal(row.percent_hundredths).scaleb(-2)), row.updated_at)
