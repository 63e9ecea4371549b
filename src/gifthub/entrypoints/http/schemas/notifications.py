"""Notification bodies."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec

from gifthub.domain.notification import Notification


class NotificationOut(msgspec.Struct, frozen=True):
    id: UUID
    kind: str
    title: str
    body: str
    created_at: datetime
    read: bool

    @classmethod
    def of(cls, n: Notification) -> NotificationOut:
        return cls(n.id, n.kind, n.title, n.body, n.created_at, n.read_at is not None)


class NotificationListOut(msgspec.Struct, frozen=True):
    items: list[NotificationOut]
    unread: int


class ThresholdIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    amount: str
    currency: str


class ThresholdOut(msgspec.Struct, frozen=True):
    project_id: UUID
    amount: str
    currency: str
