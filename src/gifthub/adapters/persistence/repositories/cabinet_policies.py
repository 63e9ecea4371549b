from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_identity import cabinet_policies
from gifthub.domain.cabinet_policy import CabinetPolicy


class SqlCabinetPolicyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, policy: CabinetPolicy) -> None:
        self._session.add(policy)

    async def get(self, cabinet_id: UUID) -> CabinetPolicy | None:
        return await self._session.get(CabinetPolicy, cabinet_id)

    async def of_cabinets(self, cabinet_ids: Iterable[UUID]) -> list[CabinetPolicy]:
        ids = list(cabinet_ids)
        if not ids:
            return []
        query = select(CabinetPolicy).where(cabinet_policies.c.cabinet_id.in_(ids))
        return list((await self._session.execute(query)).scalars())
