from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.repositories.keyset import after_keyset
from gifthub.adapters.persistence.repositories.tracker import Tracker
from gifthub.adapters.persistence.tables_accounts import cabinets
from gifthub.domain.cabinet import Cabinet


class SqlCabinetRepository:
    def __init__(self, session: AsyncSession, tracker: Tracker) -> None:
        self._session, self._tracker = session, tracker

    def add(self, cabinet: Cabinet) -> None:
        self._session.add(cabinet)
        self._tracker.track(cabinet)

    async def get(self, cabinet_id: UUID) -> Cabinet | None:
        cabinet = await self._session.get(Cabinet, cabinet_id)
        if cabinet is not None:
            self._tracker.track(cabinet)
        return cabinet

    async def get_by_name(self, name: str) -> Cabinet | None:
        result = await self._session.execute(select(Cabinet).where(cabinets.c.name == name).limit(1))
        return result.scalar_one_or_none()

    async def list(self, *, after: tuple[str, str] | None, limit: int, ids: frozenset[UUID] | None) -> list[Cabinet]:
        query = select(Cabinet).order_by(cabinets.c.created_at, cabinets.c.id).limit(limit)
        if ids is not None:
            query = query.where(cabinets.c.id.in_(ids))
        condition = after_keyset(cabinets, after)
        if condition is not None:
            query = query.where(condition)
        return list((await self._session.execute(query)).scalars())
