"""Notification bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

from gifthub.domain.notification import Notification
from gifthub.domain.notification_preferences import NotificationPreference


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


class PreferenceIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    kind: Annotated[str, msgspec.Meta(description="e.g. low_balance, order_status (GET lists every kind)")]
    in_app: bool
    email: bool


class PreferencesIn(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    items: Annotated[list[PreferenceIn], msgspec.Meta(max_length=50)]


class PreferenceOut(msgspec.Struct, frozen=True):
    kind: str
    in_app: bool
    email: bool

    @classmethod
    def of(cls, p: NotificationPreference) -> PreferenceOut:
        return cls(p.kind.value, p.in_app, p.email)


class PreferencesOut(msgspec.Struct, frozen=True):
    items: list[PreferenceOut]

    @classmethod
    def of(cls, preferences: list[NotificationPreference]) -> PreferencesOut:
        return cls([PreferenceOut.of(p) for p in preferences])
