"""SendEmail with hand-written fakes: once per key, refusals recorded, transient failures left to retry."""

from __future__ import annotations

import pytest

from gifthub.application.email.send_email import EmailToSend, SendEmail
from gifthub.application.ports.mailer import MailerUnavailable, RecipientRefused
from gifthub.domain.email import DeliveryStatus, EmailDelivery, OutgoingEmail, RenderedEmail
from tests.support.clock import MutableClock


class FakeDeliveryLog:
    def __init__(self) -> None:
        self.rows: dict[str, EmailDelivery] = {}
        self._pending: list[EmailDelivery] = []

    async def get(self, dedup_key: str) -> EmailDelivery | None:
        return self.rows.get(dedup_key)

    def add(self, delivery: EmailDelivery) -> None:
        self._pending.append(delivery)

    async def recent(self, limit: int) -> list[EmailDelivery]:
        return list(self.rows.values())[:limit]

    def commit(self) -> None:
        self.rows.update({d.dedup_key: d for d in self._pending})
        self._pending = []


class FakeUnitOfWork:
    def __init__(self) -> None:
        self.email_deliveries = FakeDeliveryLog()
        self.commits = 0
        self.outbox: list = []
        self._recorded: list = []

    async def __aenter__(self) -> FakeUnitOfWork:
        return self

    async def __aexit__(self, *exc) -> None:
        self.email_deliveries._pending = []  # leaving without commit forgets the changes
        self._recorded = []

    def record(self, event) -> None:
        self._recorded.append(event)

    async def commit(self) -> None:
        self.email_deliveries.commit()
        self.outbox += self._recorded
        self._recorded = []
        self.commits += 1


class FakeRenderer:
    def render(self, template: str, language: str, timezone: str, context: dict[str, str]) -> RenderedEmail:
        return RenderedEmail(subject=f"{template}/{language}", text="text", html="<p>html</p>")


class FakeMailer:
    def __init__(self, failure: Exception | None = None) -> None:
        self.sent: list[OutgoingEmail] = []
        self.failure = failure

    async def send(self, email: OutgoingEmail) -> None:
        if self.failure is not None:
            raise self.failure
        self.sent.append(email)


def use_case(mailer: FakeMailer) -> tuple[SendEmail, FakeUnitOfWork]:
    uow = FakeUnitOfWork()
    return SendEmail(uow, FakeRenderer(), mailer, MutableClock()), uow


COMMAND = EmailToSend(message_id="m-1", to="a@b.ru", template="welcome", language="en", dedup_key="welcome:a")


async def test_sends_once_per_dedup_key() -> None:
    mailer = FakeMailer()
    send, uow = use_case(mailer)
    first = await send.execute(COMMAND)
    assert uow.outbox == []  # only a refusal is announced
    again = await send.execute(EmailToSend(message_id="m-2", to="a@b.ru", template="welcome", dedup_key="welcome:a"))
    assert [e.subject for e in mailer.sent] == ["welcome/en"]
    assert mailer.sent[0].message_id == "welcome:a"
    assert first.status is DeliveryStatus.SENT and again == first


async def test_a_refusal_is_recorded() -> None:
    send, uow = use_case(FakeMailer(RecipientRefused("550 no such user")))
    delivery = await send.execute(COMMAND)
    assert (delivery.status, delivery.reason) == (DeliveryStatus.REFUSED, "550 no such user")
    assert uow.email_deliveries.rows["welcome:a"].status is DeliveryStatus.REFUSED
    [refused] = uow.outbox  # announced with the delivery row, for whoever asked for the email
    assert (refused.name, refused.dedup_key, refused.recipient, refused.reason) == (
        "email.refused",
        "welcome:a",
        "a@b.ru",
        "550 no such user",
    )


async def test_a_transient_failure_records_nothing_so_the_bus_retries() -> None:
    send, uow = use_case(FakeMailer(MailerUnavailable("451 later")))
    with pytest.raises(MailerUnavailable):
        await send.execute(COMMAND)
    assert uow.email_deliveries.rows == {} and uow.commits == 0
