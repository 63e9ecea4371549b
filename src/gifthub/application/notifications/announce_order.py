"""An order changed status or lost a certificate: told to the cabinet's owner and managers and to the
operators granted the project or who created the order. Only a finished order is worth an email."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.notifications.deliver import deliver
from gifthub.application.notifications.fact import Fact
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.notifications_unit_of_work import NotificationsUnitOfWork
from gifthub.domain.email_messages import OrderCompletedEmail
from gifthub.domain.notification import Notification
from gifthub.domain.notification_kinds import NotificationKind

CERTIFICATE_FAILED = "certificate_failed"
FINISHED = frozenset({"completed", "partially_completed", "failed"})
STATUS_TITLES = {
    "created": "создан",
    "awaiting_payment": "ждёт оплаты",
    "queued": "передан в работу",
    "completed": "выполнен",
    "partially_completed": "выполнен частично",
    "failed": "не выполнен",
    "cancelled": "отменён",
}


@dataclass(frozen=True)
class OrderNews:
    key: str
    order_id: UUID
    status: str  # created, awaiting_payment, queued, completed, partially_completed, failed, cancelled,
    # or certificate_failed
    delivered: int = 0
    failed: int = 0
    reason: str = ""


class AnnounceOrderNews:
    def __init__(self, uow: NotificationsUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def execute(self, news: OrderNews) -> list[Notification]:
        now = self._clock.now()
        async with self._uow as uow:
            order = await uow.order_digests.get(news.order_id)
            if order is None:
                return []  # deleted draft: nothing to tell
            short = str(order.order_id)[:8]
            if news.status == CERTIFICATE_FAILED:
                kind = NotificationKind.CERTIFICATE_FAILED
                title, body = f"Заказ {short}: сертификат не выпущен", news.reason or "Причина не указана"
            else:
                kind = NotificationKind.ORDER_STATUS
                title = f"Заказ {short} {STATUS_TITLES.get(news.status, news.status)}"
                body = f"Проект «{order.project_name}»"
                if news.status in FINISHED:
                    body += f": выпущено {news.delivered}, не выпущено {news.failed}"
            email = None
            if news.status in FINISHED:
                email = OrderCompletedEmail(
                    order_id=str(order.order_id),
                    project_name=order.project_name,
                    status=news.status,
                    certificates=str(news.delivered),
                    failed=str(news.failed),
                    amount=order.captured.to_string(),
                    currency=order.captured.currency.value,
                    completed_at=now.isoformat(),
                )
            fact = Fact(kind, title, body, news.key, email, project_id=order.project_id, requester=order.created_by)
            created = await deliver(uow, fact, self._ids, now)
            await uow.commit()
        return created
