"""An invoice offer issued for a project: told to the people who handle its money."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.notifications.deliver import deliver
from gifthub.application.notifications.fact import Fact
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.notifications_unit_of_work import NotificationsUnitOfWork
from gifthub.domain.email_messages import InvoiceIssuedEmail
from gifthub.domain.notification import Notification
from gifthub.domain.notification_kinds import NotificationKind


@dataclass(frozen=True)
class InvoiceNews:
    key: str
    invoice_id: UUID
    project_id: UUID
    number: str
    total: str
    currency: str


class AnnounceInvoice:
    def __init__(self, uow: NotificationsUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def execute(self, news: InvoiceNews) -> list[Notification]:
        async with self._uow as uow:
            invoice = await uow.invoices.get(news.invoice_id)
            email = None
            if invoice is not None:  # the due date lives on the invoice, not in the event
                email = InvoiceIssuedEmail(
                    invoice_id=str(news.invoice_id),
                    number=news.number,
                    amount=news.total,
                    currency=news.currency,
                    due_on=invoice.due_on.isoformat(),
                )
            fact = Fact(
                NotificationKind.INVOICE_ISSUED,
                f"Выставлен счёт {news.number} на {news.total} {news.currency}",
                "Счёт-оферта доступен в разделе счетов проекта",
                news.key,
                email,
                project_id=news.project_id,
            )
            created = await deliver(uow, fact, self._ids, self._clock.now())
            await uow.commit()
        return created
