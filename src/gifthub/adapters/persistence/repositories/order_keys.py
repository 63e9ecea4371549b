from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_orders import order_idempotency_keys as keys
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.order_idempotency_store import IdempotencyRecord


class SqlOrderIdempotencyStore:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self._session, self._clock = session, clock

    async def get(self, scope: str, key: str) -> IdempotencyRecord | None:
        row = (await self._session.execute(select(keys).where(keys.c.scope == scope, keys.c.key == key))).one_or_none()
        if row is None:
            return None
        return IdempotencyRecord(row.scope, row.key, row.request_hash, row.order_id, row.status_code, row.response)

    async def add(self, record: IdempotencyRecord) -> None:
        await self._session.execute(
            insert(keys).values(
                scope=record.scope,
                key=record.key,
                request_hash=record.request_hash,
                order_id=record.order_id,
                status_code=record.status_code,
                response=record.response,
                created_at=self._clock.now(),
            )
        )

    async def set_response(self, scope: str, key: str, status_code: int, response: str) -> None:
        await self._session.execute(
            update(keys)
            .where(keys.c.scope == scope, keys.c.key == key, keys.c.response == "")
            .values(status_code=status_code, response=response)
        )
