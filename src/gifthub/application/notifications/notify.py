"""Create one in-app notification (from a domain event); the inbox makes a redelivery harmless."""

from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.messaging_unit_of_work import MessagingUnitOfWork
from gifthub.domain.notification import Notification


@dataclass(frozen=True)
class NewNotification:
    recipient: str
    kind: str
    title: str
    body: str


class Notify:
    def __init__(self, uow: MessagingUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def execute(self, command: NewNotification) -> Notification:
        notification = Notification(
            id=self._ids.new_id(),
            recipient=command.recipient,
            kind=command.kind,
            title=command.title,
            body=command.body,
            created_at=self._clock.now(),
        )
        async with self._uow as uow:
            uow.notifications.add(notification)
            await uow.commit()
        return notification
