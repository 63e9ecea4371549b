"""A payment counted against an invoice: a partial-payment notice or a payment-received one, with what
is paid and still owed according to the invoice."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.notifications.deliver import deliver
from gifthub.application.notifications.fact import Fact
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.notifications_unit_of_work import NotificationsUnitOfWork
from gifthub.domain.email_messages import PartialPaymentEmail, PaymentReceivedEmail
from gifthub.domain.money import Money
from gifthub.domain.notification import Notification
from gifthub.domain.notification_kinds import NotificationKind

PARTIALLY_PAID = "partially_paid"


@dataclass(frozen=True)
class PaymentNews:
    key: str
    invoice_id: UUID
    project_id: UUID
    number: str
    amount: Money
    overpaid: Money
    invoice_status: str


class AnnouncePayment:
    def __init__(self, uow: NotificationsUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def execute(self, news: PaymentNews) -> list[Notification]:
        async with self._uow as uow:
            invoice = await uow.invoices.get(news.invoice_id)
            # Figures as the invoice stands now (a later payment may already be counted too).
            paid = invoice.paid if invoice else news.amount
            outstanding = invoice.outstanding if invoice else Money.zero(news.amount.currency)
            currency = news.amount.currency.value
            figures = {
                "number": news.number,
                "amount": news.amount.to_string(),
                "currency": currency,
                "paid": paid.to_string(),
                "outstanding": outstanding.to_string(),
            }
            amount = f"{news.amount.to_string()} {currency}"
            if news.invoice_status == PARTIALLY_PAID:
                fact = Fact(
                    NotificationKind.PARTIAL_PAYMENT,
                    f"Частичная оплата счёта {news.number}: {amount}",
                    f"Оплачено {paid.to_string()}, осталось {outstanding.to_string()} {currency}",
                    news.key,
                    PartialPaymentEmail(**figures),
                    project_id=news.project_id,
                )
            else:
                body = f"Оплачено {paid.to_string()} {currency}"
                if news.overpaid.is_positive:
                    body += f"; переплата {news.overpaid.to_string()} {currency} зачислена на баланс проекта"
                fact = Fact(
                    NotificationKind.PAYMENT_RECEIVED,
                    f"Счёт {news.number} оплачен: {amount}",
                    body,
                    news.key,
                    PaymentReceivedEmail(**figures, overpaid=news.overpaid.to_string()),
                    project_id=news.project_id,
                )
            created = await deliver(uow, fact, self._ids, self._clock.now())
            await uow.commit()
        return created
