from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_identity import api_clients
from gifthub.domain.api_client import ApiClient


class SqlApiClientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, client: ApiClient) -> None:
        self._session.add(client)

    async def get_for_project(self, project_id: UUID) -> ApiClient | None:
        result = await self._session.execute(select(ApiClient).where(api_clients.c.project_id == project_id))
        return result.scalar_one_or_none()

    async def get_by_b2b_code(self, b2b_code: str) -> ApiClient | None:
        result = await self._session.execute(select(ApiClient).where(api_clients.c.b2b_code == b2b_code))
        return result.scalar_one_or_none()
