"""Fan a fact out inside the caller's transaction: one notification per person who may see it and wants
it in the app, one email per person who wants it by email (rendered in their time zone)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from gifthub.application.notifications.fact import Fact
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.notification_audience import Member
from gifthub.application.ports.notifications_unit_of_work import NotificationsUnitOfWork
from gifthub.domain.events import EmailRequested
from gifthub.domain.notification import Notification
from gifthub.domain.notification_kinds import may_receive
from gifthub.domain.notification_preferences import NotificationPreference

USER_PREFIX = "user:"


async def audience(uow: NotificationsUnitOfWork, fact: Fact) -> list[Member]:
    if fact.kind.to_requester_only:
        if not fact.requester.startswith(USER_PREFIX) or fact.cabinet_id is None:
            return []  # asked for by an API client or staff: nobody's inbox
        try:
            user_id = UUID(fact.requester.removeprefix(USER_PREFIX))
        except ValueError:
            return []
        member = await uow.audience.member(user_id, fact.cabinet_id)
        return [member] if member else []
    if fact.project_id is None:
        return []
    return [
        m
        for m in await uow.audience.of_project(fact.project_id)
        if may_receive(fact.kind, m.role, granted=m.granted, is_creator=fact.requester == f"{USER_PREFIX}{m.user_id}")
    ]


async def deliver(uow: NotificationsUnitOfWork, fact: Fact, ids: IdGenerator, now: datetime) -> list[Notification]:
    members = await audience(uow, fact)
    if not members:
        return []
    chosen = await uow.preferences.for_kind([m.user_id for m in members], fact.kind)
    created = []
    for member in members:
        preference = chosen.get(member.user_id) or NotificationPreference.default(member.user_id, fact.kind)
        if preference.in_app:
            notification = Notification(
                id=ids.new_id(),
                recipient=str(member.user_id),
                kind=fact.kind.value,
                title=fact.title,
                body=fact.body,
                created_at=now,
            )
            uow.notifications.add(notification)
            created.append(notification)
        if preference.email and fact.email is not None and member.email:
            uow.record(
                EmailRequested.of(
                    fact.email,
                    to=member.email,
                    occurred_at=now,
                    dedup_key=f"{fact.kind.value}:{fact.key}:{member.user_id}",
                    timezone=member.time_zone,
                    language=member.language,
                )
            )
    return created
