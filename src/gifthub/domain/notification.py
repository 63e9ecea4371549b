"""In-app notifications: what a recipient is told, and whether they have read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass
class Notification:
    id: UUID
    recipient: str  # the user's id: a project fact is fanned out to each person who may see it
    kind: str  # a NotificationKind value, e.g. balance_topped_up, low_balance, order_status
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None = None

    def mark_read(self, at: datetime) -> None:
        if self.read_at is None:
            self.read_at = at
