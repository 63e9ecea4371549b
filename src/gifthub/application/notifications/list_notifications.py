"""A recipient's notifications, newest first, with the unread count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gifthub.application.notifications.recipient import recipient_for
from gifthub.application.ports.messaging_unit_of_work import MessagingUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.notification import Notification


@dataclass(frozen=True)
class NotificationList:
    items: list[Notification]
    unread: int


class ListNotifications:
    def __init__(self, uow: MessagingUnitOfWork) -> None:
        self._uow = uow

    async def execute(
        self, principal: Principal, recipient: str | None, limit: int = 50, since: datetime | None = None
    ) -> NotificationList:
        who = recipient_for(principal, recipient)
        async with self._uow as uow:
            items = await uow.notifications.latest(who, min(max(limit, 1), 200), since=since)
            unread = await uow.notifications.unread_count(who)
        return NotificationList(items, unread)
