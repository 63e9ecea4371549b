"""Hand-written fakes for the notification centre's unit of work: what is committed is what counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from uuid import UUID

from gifthub.application.ports.notification_audience import Member
from gifthub.application.ports.order_digests import OrderDigest
from gifthub.domain.events import DomainEvent
from gifthub.domain.low_balance import LowBalanceAlert
from gifthub.domain.notification import Notification
from gifthub.domain.notification_kinds import NotificationKind
from gifthub.domain.notification_preferences import NotificationPreference


@dataclass
class NotificationWorld:
    members: dict[UUID, list[Member]] = field(default_factory=dict)  # project -> its cabinet's people
    cabinet_members: dict[tuple[UUID, UUID], Member] = field(default_factory=dict)  # (user, cabinet)
    preferences: dict[tuple[UUID, NotificationKind], NotificationPreference] = field(default_factory=dict)
    notifications: list[Notification] = field(default_factory=list)
    outbox: list[DomainEvent] = field(default_factory=list)
    orders: dict[UUID, OrderDigest] = field(default_factory=dict)
    invoices: dict[UUID, object] = field(default_factory=dict)
    alerts: dict[UUID, LowBalanceAlert] = field(default_factory=dict)
    projects: dict[UUID, object] = field(default_factory=dict)
    commits: int = 0

    def told(self, kind: str | None = None) -> dict[str, list[str]]:
        """recipient -> titles, for one kind or all."""
        seen: dict[str, list[str]] = {}
        for n in self.notifications:
            if kind is None or n.kind == kind:
                seen.setdefault(n.recipient, []).append(n.title)
        return seen

    def emails(self) -> list:
        return [e for e in self.outbox if e.name == "email.requested"]


class _Audience:
    def __init__(self, world: NotificationWorld) -> None:
        self.world = world

    async def of_project(self, project_id):
        return list(self.world.members.get(project_id, []))

    async def member(self, user_id, cabinet_id):
        return self.world.cabinet_members.get((user_id, cabinet_id))


class _Preferences:
    def __init__(self, uow: FakeNotificationsUnitOfWork) -> None:
        self.uow = uow

    async def of_user(self, user_id):
        merged = {**self.uow.world.preferences, **self.uow.pending_preferences}
        return [p for (user, _), p in merged.items() if user == user_id]

    async def for_kind(self, user_ids, kind):
        return {u: p for (u, k), p in self.uow.world.preferences.items() if k is kind and u in user_ids}

    async def save(self, preferences, at):
        for p in preferences:
            self.uow.pending_preferences[(p.user_id, p.kind)] = p


class _Notifications:
    def __init__(self, uow: FakeNotificationsUnitOfWork) -> None:
        self.uow = uow

    def add(self, notification):
        self.uow.pending_notifications.append(notification)


class _ById:
    def __init__(self, rows: dict) -> None:
        self.rows = rows

    async def get(self, key, *, for_update=False):
        return self.rows.get(key)


class _Alerts(_ById):
    async def save(self, alert):
        self.rows[alert.project_id] = alert


class FakeNotificationsUnitOfWork:
    def __init__(self, world: NotificationWorld) -> None:
        self.world = world

    async def __aenter__(self):
        self.pending_notifications: list[Notification] = []
        self.pending_events: list[DomainEvent] = []
        self.pending_preferences: dict = {}
        self.audience = _Audience(self.world)
        self.preferences = _Preferences(self)
        self.notifications = _Notifications(self)
        self.order_digests = _ById(self.world.orders)
        self.invoices = _ById(self.world.invoices)
        self.low_balance = _Alerts(self.world.alerts)
        self.projects = _ById(self.world.projects)
        return self

    async def __aexit__(self, *exc):
        return None

    def record(self, event):
        self.pending_events.append(event)

    async def commit(self):
        self.world.notifications += self.pending_notifications
        self.world.outbox += self.pending_events
        self.world.preferences.update(self.pending_preferences)
        self.world.commits += 1
        self.pending_notifications, self.pending_events, self.pending_preferences = [], [], {}


def a_project(name: str = "Gifts") -> SimpleNamespace:
    return SimpleNamespace(name=name)
