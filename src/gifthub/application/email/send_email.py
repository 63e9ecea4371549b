"""Send one requested email: once per de-duplication key; a refusal is recorded, not lost, and announced
(EmailRefused) so whoever asked for the email can react, e.g. ordering marks a certificate's delivery failed."""

from __future__ import annotations

from dataclasses import dataclass, field

from gifthub.application.ports.clock import Clock
from gifthub.application.ports.email_renderer import EmailRenderer
from gifthub.application.ports.mailer import Mailer, RecipientRefused
from gifthub.application.ports.messaging_unit_of_work import MessagingUnitOfWork
from gifthub.domain.email import DeliveryStatus, EmailDelivery, OutgoingEmail
from gifthub.domain.email_events import EmailRefused


@dataclass(frozen=True)
class EmailToSend:
    message_id: str
    to: str
    template: str
    context: dict[str, str] = field(default_factory=dict)
    language: str = "ru"
    timezone: str = "Europe/Moscow"
    dedup_key: str = ""

    @property
    def key(self) -> str:
        return self.dedup_key or self.message_id


class SendEmail:
    def __init__(self, uow: MessagingUnitOfWork, renderer: EmailRenderer, mailer: Mailer, clock: Clock) -> None:
        self._uow = uow
        self._renderer = renderer
        self._mailer = mailer
        self._clock = clock

    async def execute(self, command: EmailToSend) -> EmailDelivery:
        """Transient SMTP failures (MailerUnavailable) propagate: the bus redelivers with backoff.

        No transaction is held open while talking to the SMTP server (SQLite has one writer): the
        key is checked, the email sent, then the delivery recorded. A crash between sending and
        recording may send it twice; that window is the price of not locking during network I/O.
        """
        async with self._uow as uow:
            earlier = await uow.email_deliveries.get(command.key)
        if earlier is not None:
            return earlier
        rendered = self._renderer.render(command.template, command.language, command.timezone, command.context)
        email = OutgoingEmail(
            to=command.to,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            message_id=command.key,
            attachments=rendered.attachments,
        )
        status, reason = DeliveryStatus.SENT, None
        try:
            await self._mailer.send(email)
        except RecipientRefused as refusal:
            status, reason = DeliveryStatus.REFUSED, str(refusal)
        delivery = EmailDelivery(
            dedup_key=command.key,
            recipient=command.to,
            template=command.template,
            subject=rendered.subject,
            status=status,
            recorded_at=self._clock.now(),
            reason=reason,
        )
        async with self._uow as uow:
            uow.email_deliveries.add(delivery)
            if status is DeliveryStatus.REFUSED:
                uow.record(
                    EmailRefused(
                        occurred_at=delivery.recorded_at,
                        dedup_key=delivery.dedup_key,
                        recipient=delivery.recipient,
                        template=delivery.template,
                        reason=reason or "",
                    )
                )
            await uow.commit()
        return delivery
