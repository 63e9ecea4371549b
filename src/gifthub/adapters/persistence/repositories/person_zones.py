"""PersonZones: a person's profile zone, read on the caller's own session."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_identity import users


class SqlPersonZones:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def zone_of(self, user_id: UUID) -> str | None:
        return (await self._session.execute(select(users.c.time_zone).where(users.c.id == user_id))).scalar()
