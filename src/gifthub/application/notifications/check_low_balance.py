"""After a ledger entry: alert the project's people once when available funds dip below its threshold."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.notifications.deliver import deliver
from gifthub.application.notifications.fact import Fact
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.notifications_unit_of_work import NotificationsUnitOfWork
from gifthub.domain.email_messages import LowBalanceEmail
from gifthub.domain.money import Money
from gifthub.domain.notification import Notification
from gifthub.domain.notification_kinds import NotificationKind


class CheckLowBalance:
    def __init__(self, uow: NotificationsUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def execute(self, project_id: UUID, available: Money, key: str = "") -> list[Notification]:
        """``key`` identifies the crossing (the ledger event's message id) for the emails' de-duplication."""
        now = self._clock.now()
        async with self._uow as uow:
            alert = await uow.low_balance.get(project_id, for_update=True)
            if alert is None:
                return []
            crossed = alert.observe(available)
            await uow.low_balance.save(alert)
            created: list[Notification] = []
            if crossed:
                project = await uow.projects.get(project_id)
                currency = available.currency.value
                fact = Fact(
                    NotificationKind.LOW_BALANCE,
                    f"Низкий баланс: доступно {available.to_string()} {currency}",
                    f"Ниже порога {alert.threshold.to_string()} {alert.threshold.currency.value}",
                    key or f"{project_id}:{now.isoformat()}",
                    LowBalanceEmail(
                        project_name=project.name if project else str(project_id),
                        available=available.to_string(),
                        threshold=alert.threshold.to_string(),
                        currency=currency,
                        at=now.isoformat(),
                    ),
                    project_id=project_id,
                )
                created = await deliver(uow, fact, self._ids, now)
            await uow.commit()
        return created
