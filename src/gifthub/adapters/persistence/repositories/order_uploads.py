from __future__ import annotations

from uuid import UUID

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_orders import order_uploads
from gifthub.application.ports.clock import Clock


class SqlOrderUploadRepository:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self._session, self._clock = session, clock

    async def find(self, project_id: UUID, content_hash: str) -> UUID | None:
        query = select(order_uploads.c.order_id).where(
            order_uploads.c.project_id == project_id, order_uploads.c.content_hash == content_hash
        )
        return (await self._session.execute(query)).scalar_one_or_none()

    async def add(self, project_id: UUID, content_hash: str, order_id: UUID, rows: int) -> None:
        await self._session.execute(
            insert(order_uploads).values(
                project_id=project_id,
                content_hash=content_hash,
                order_id=order_id,
                rows=rows,
                created_at=self._clock.now(),
            )
        )
