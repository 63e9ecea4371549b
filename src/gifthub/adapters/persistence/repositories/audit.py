from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.repositories.keyset import after_keyset
from gifthub.adapters.persistence.tables_identity import audit_log
from gifthub.application.ports.audit_repository import AuditQuery
from gifthub.domain.audit import AuditRecord


class SqlAuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, record: AuditRecord) -> None:
        self._session.add(record)

    async def list(self, query: AuditQuery, *, after: tuple[str, str] | None, limit: int) -> list[AuditRecord]:
        statement = select(AuditRecord).order_by(audit_log.c.created_at, audit_log.c.id).limit(limit)
        if query.cabinet_id is not None:
            statement = statement.where(audit_log.c.cabinet_id == query.cabinet_id)
        if query.action:
            statement = statement.where(audit_log.c.action == query.action)
        if query.actor:
            statement = statement.where(audit_log.c.actor == query.actor)
        if query.since is not None:
            statement = statement.where(audit_log.c.created_at >= query.since)
        if query.until is not None:
            statement = statement.where(audit_log.c.created_at < query.until)
        condition = after_keyset(audit_log, after)
        if condition is not None:
            statement = statement.where(condition)
        return list((await self._session.execute(statement)).scalars())
