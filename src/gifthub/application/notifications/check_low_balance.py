"""After a ledger entry: alert the project once when available funds dip below its threshold."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.messaging_unit_of_work import MessagingUnitOfWork
from gifthub.domain.money import Money
from gifthub.domain.notification import Notification


class CheckLowBalance:
    def __init__(self, uow: MessagingUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def execute(self, project_id: UUID, available: Money) -> Notification | None:
        async with self._uow as uow:
            alert = await uow.low_balance.get(project_id, for_update=True)
            if alert is None:
                return None
            crossed = alert.observe(available)
            await uow.low_balance.save(alert)
            notification = None
            if crossed:
                notification = Notification(
                    id=self._ids.new_id(),
                    recipient=f"project:{project_id}",
                    kind="low_balance",
                    title=f"Низкий баланс: доступно {available.to_string()} {available.currency.value}",
                    body=f"Ниже порога {alert.threshold.to_string()} {alert.threshold.currency.value}",
                    created_at=self._clock.now(),
                )
                uow.notifications.add(notification)
            await uow.commit()
        return notification
