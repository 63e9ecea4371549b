"""Mark one notification read (again is fine); someone else's is NotFound."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.errors import NotFound
from gifthub.application.notifications.recipient import recipient_for
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.messaging_unit_of_work import MessagingUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.notification import Notification


class MarkNotificationRead:
    def __init__(self, uow: MessagingUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def execute(self, principal: Principal, recipient: str | None, notification_id: UUID) -> Notification:
        who = recipient_for(principal, recipient)
        async with self._uow as uow:
            notification = await uow.notifications.get(who, notification_id)
            if notification is None:
                raise NotFound(f"no notification {notification_id}", field="notification_id")
            notification.mark_read(self._clock.now())
            await uow.notifications.save_read(notification)
            await uow.commit()
        return notification
