from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from gifthub.domain.notification import Notification


class NotificationRepository(Protocol):
    def add(self, notification: Notification) -> None: ...

    async def get(self, recipient: str, notification_id: UUID) -> Notification | None: ...

    async def latest(self, recipient: str, limit: int, *, since: datetime | None = None) -> list[Notification]:
        """Newest first; ``since`` keeps those created at or after it (live updates drop the ones they sent)."""
        ...

    async def unread_count(self, recipient: str) -> int: ...

    async def save_read(self, notification: Notification) -> None: ...
