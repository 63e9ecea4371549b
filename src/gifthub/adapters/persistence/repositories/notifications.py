"""Notifications on the ``notifications`` table."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_bus import notifications
from gifthub.domain.notification import Notification


def _notification(row) -> Notification:
    return Notification(row.id, row.recipient, row.kind, row.title, row.body, row.created_at, row.read_at)


class SqlNotificationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._pending: list[Notification] = []

    def add(self, notification: Notification) -> None:
        self._pending.append(notification)

    async def flush(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            await self._session.execute(
                insert(notifications),
                [
                    {
                        "id": n.id,
                        "recipient": n.recipient,
                        "kind": n.kind,
                        "title": n.title[:300],
                        "body": n.body,
                        "created_at": n.created_at,
                        "read_at": n.read_at,
                    }
                    for n in pending
                ],
            )

    async def get(self, recipient: str, notification_id: UUID) -> Notification | None:
        query = select(notifications).where(
            notifications.c.id == notification_id, notifications.c.recipient == recipient
        )
        row = (await self._session.execute(query)).first()
        return None if row is None else _notification(row)

    async def latest(self, recipient: str, limit: int, *, since: datetime | None = None) -> list[Notification]:
        query = select(notifications).where(notifications.c.recipient == recipient)
        if since is not None:
            query = query.where(notifications.c.created_at >= since)
        query = query.order_by(notifications.c.created_at.desc(), notifications.c.id.desc()).limit(limit)
        return [_notification(row) for row in (await self._session.execute(query)).all()]

    async def unread_count(self, recipient: str) -> int:
        query = select(func.count()).where(notifications.c.recipient == recipient, notifications.c.read_at.is_(None))
        return (await self._session.execute(query)).scalar_one()

    async def save_read(self, notification: Notification) -> None:
        await self._session.execute(
            update(notifications).where(notifications.c.id == notification.id).values(read_at=notification.read_at)
        )
