"""Notification preferences on ``notification_preferences``."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_notifications import notification_preferences as table
from gifthub.domain.notification_kinds import NotificationKind
from gifthub.domain.notification_preferences import NotificationPreference

_KINDS = {kind.value: kind for kind in NotificationKind}


def _preference(row) -> NotificationPreference | None:
    kind = _KINDS.get(row.kind)  # a kind retired from the code is ignored, not an error
    return None if kind is None else NotificationPreference(row.user_id, kind, row.in_app, row.email)


class SqlNotificationPreferenceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_user(self, user_id: UUID) -> list[NotificationPreference]:
        rows = (await self._session.execute(select(table).where(table.c.user_id == user_id))).all()
        return [p for p in map(_preference, rows) if p is not None]

    async def for_kind(self, user_ids: list[UUID], kind: NotificationKind) -> dict[UUID, NotificationPreference]:
        if not user_ids:
            return {}
        query = select(table).where(table.c.kind == kind.value, table.c.user_id.in_(user_ids))
        return {row.user_id: _preference(row) for row in (await self._session.execute(query)).all()}

    async def save(self, preferences: list[NotificationPreference], at: datetime) -> None:
        if not preferences:
            return
        # Delete and insert in one transaction: portable (SQLite and PostgreSQL) without dialect upserts.
        await self._session.execute(
            delete(table).where(
                or_(*(and_(table.c.user_id == p.user_id, table.c.kind == p.kind.value) for p in preferences))
            )
        )
        await self._session.execute(
            insert(table),
            [
                {"user_id": p.user_id, "kind": p.kind.value, "in_app": p.in_app, "email": p.email, "updated_at": at}
                for p in preferences
            ],
        )
