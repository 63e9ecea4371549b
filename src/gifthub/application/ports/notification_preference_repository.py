from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from gifthub.domain.notification_kinds import NotificationKind
from gifthub.domain.notification_preferences import NotificationPreference


class NotificationPreferenceRepository(Protocol):
    """Only what people chose is stored; a kind without a row follows the default."""

    async def of_user(self, user_id: UUID) -> list[NotificationPreference]: ...

    async def for_kind(self, user_ids: list[UUID], kind: NotificationKind) -> dict[UUID, NotificationPreference]: ...

    async def save(self, preferences: list[NotificationPreference], at: datetime) -> None:
        """Replace these (user, kind) choices."""
        ...
