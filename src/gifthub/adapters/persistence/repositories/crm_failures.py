from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import and_, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_counterparties import crm_failures
from gifthub.application.errors import InvalidCursor
from gifthub.domain.crm import CrmFailure


class SqlCrmFailureRepository:
    """Core rows (not mapped): a failure is a record to read, never an aggregate to change."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._pending: list[CrmFailure] = []

    def add(self, failure: CrmFailure) -> None:
        self._pending.append(failure)

    async def flush(self) -> None:
        if self._pending:
            rows = [
                {
                    "id": f.id,
                    "origin_id": f.origin_id,
                    "title": f.title[:300],
                    "error_code": f.error_code[:100],
                    "error_description": f.error_description,
                    "attempts": f.attempts,
                    "failed_at": f.failed_at,
                }
                for f in self._pending
            ]
            self._pending = []
            await self._session.execute(insert(crm_failures), rows)

    async def list(self, *, after: tuple[str, str] | None, limit: int) -> list[CrmFailure]:
        c = crm_failures.c
        query = select(crm_failures).order_by(c.failed_at.desc(), c.id.desc()).limit(limit)
        if after is not None:
            # Newest first: the next page is strictly older than the keyset.
            try:
                at, row_id = datetime.fromisoformat(str(after[0])), UUID(str(after[1]))
            except ValueError:
                raise InvalidCursor("cursor is not one this API issued", field="cursor") from None
            query = query.where(or_(c.failed_at < at, and_(c.failed_at == at, c.id < row_id)))
        rows = (await self._session.execute(query)).all()
        return [
            CrmFailure(r.id, r.origin_id, r.title, r.error_code, r.error_description, r.attempts, r.failed_at)
            for r in rows
        ]
