"""Low-balance thresholds on ``low_balance_alerts``."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_bus import low_balance_alerts as table
from gifthub.domain.low_balance import LowBalanceAlert
from gifthub.domain.money import Currency, Money


class SqlLowBalanceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, project_id: UUID, *, for_update: bool = False) -> LowBalanceAlert | None:
        query = select(table).where(table.c.project_id == project_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).first()
        if row is None:
            return None
        return LowBalanceAlert(row.project_id, Money(row.threshold_minor, Currency(row.currency)), row.alerted)

    async def save(self, alert: LowBalanceAlert) -> None:
        values = {
            "threshold_minor": alert.threshold.minor,
            "currency": alert.threshold.currency.value,
            "alerted": alert.alerted,
        }
        changed = await self._session.execute(
            update(table).where(table.c.project_id == alert.project_id).values(values)
        )
        if changed.rowcount == 0:
            await self._session.execute(insert(table).values(project_id=alert.project_id, **values))
