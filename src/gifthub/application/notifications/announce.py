"""Tell a fact to everyone who may see it, in one transaction (a redelivered message changes nothing:
the consumer's inbox row is written by the same commit)."""

from __future__ import annotations

from gifthub.application.notifications.deliver import deliver
from gifthub.application.notifications.fact import Fact
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.notifications_unit_of_work import NotificationsUnitOfWork
from gifthub.domain.notification import Notification


class Announce:
    def __init__(self, uow: NotificationsUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def execute(self, fact: Fact) -> list[Notification]:
        async with self._uow as uow:
            created = await deliver(uow, fact, self._ids, self._clock.now())
            await uow.commit()
        return created
