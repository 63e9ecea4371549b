from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_identity import auth_throttles
from gifthub.domain.throttle import Throttle


class SqlThrottleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get_or_new(self, key_hash: str, kind: str, now: datetime) -> Throttle:
        query = select(Throttle).where(auth_throttles.c.key_hash == key_hash).with_for_update()
        throttle = (await self._session.execute(query)).scalar_one_or_none()
        if throttle is None:
            throttle = Throttle(key_hash=key_hash, kind=kind, failures=0, updated_at=now)
            self._session.add(throttle)
        return throttle
