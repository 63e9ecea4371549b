"""A malformed message goes to gifthub.dead.<subject> with the reason; the consumer carries on."""

from __future__ import annotations

from email import policy
from email.parser import BytesParser

import nats
import pytest

from gifthub.adapters.bus.nats_dead_letters import REASON_HEADER
from gifthub.application.bus.handlers import HandlerRegistry
from gifthub.application.bus.message import InboundMessage
from gifthub.domain.email_messages import WelcomeEmail
from gifthub.domain.events import EmailRequested
from gifthub.entrypoints.bus.email_handler import send_requested_email
from gifthub.entrypoints.bus.runtime import BusRuntime
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.integration.bus.conftest import MessagingOverride, eventually

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def database_url(tmp_path) -> str:
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


async def test_malformed_messages_are_dead_lettered_with_reason(settings, clock, messaging, nats_server) -> None:
    seen: list[int] = []

    async def count(message: InboundMessage, resolve) -> None:
        """Test consumer."""
        if not isinstance(message.body.get("number"), int):
            from gifthub.application.bus.errors import MalformedMessage

            raise MalformedMessage("field 'number' must be an integer")
        seen.append(message.body["number"])

    registry = HandlerRegistry()
    registry.register("test.ping", count)
    registry.register("email.requested", send_requested_email)
    container = make_container(settings, clock_provider(clock), MessagingOverride(messaging))
    runtime = BusRuntime(container, registry=registry)
    await runtime.start()
    connection = await nats.connect(nats_server.url)
    try:
        js = connection.jetstream()
        dead = await js.pull_subscribe("gifthub.dead.>", durable="dead-reader", stream=messaging.stream)
        await js.publish("gifthub.test.ping", b"{not json", headers={"Nats-Msg-Id": "m1"})
        await js.publish("gifthub.test.ping", b'{"number": "seven"}', headers={"Nats-Msg-Id": "m2"})
        await js.publish("gifthub.email.requested", b'{"template": "welcome"}', headers={"Nats-Msg-Id": "m3"})
        await js.publish("gifthub.test.ping", b'{"number": 1}')  # no message id: cannot be de-duplicated
        await js.publish("gifthub.test.ping", b'{"number": 42}', headers={"Nats-Msg-Id": "m5"})

        letters = []

        async def four_letters() -> bool:
            try:
                batch = await dead.fetch(4 - len(letters), timeout=0.5)
            except TimeoutError:
                return False
            for letter in batch:
                await letter.ack()
            letters.extend(batch)
            return len(letters) >= 4

        await eventually(four_letters, what="four dead letters")
        reasons = {(m.subject, m.data): m.headers[REASON_HEADER] for m in letters}
        assert "payload is not JSON" in reasons[("gifthub.dead.gifthub.test.ping", b"{not json")]
        assert (
            reasons[("gifthub.dead.gifthub.test.ping", b'{"number": "seven"}')] == "field 'number' must be an integer"
        )
        assert reasons[("gifthub.dead.gifthub.email.requested", b'{"template": "welcome"}')] == (
            "field 'to' must be a non-empty string"
        )
        assert "no message id" in reasons[("gifthub.dead.gifthub.test.ping", b'{"number": 1}')]

        # The consumer is alive: the good message after the bad ones is processed, and an email too.
        await eventually(lambda: _async(seen == [42]), what="the good message")
        async with container() as request:
            from gifthub.application.ports.unit_of_work import UnitOfWork

            uow = await request.get(UnitOfWork)
            async with uow:
                uow.record(
                    EmailRequested.of(
                        WelcomeEmail(email="anna@example.com"),
                        to="anna@example.com",
                        occurred_at=clock.now(),
                        dedup_key="welcome:anna",
                    )
                )
                await uow.commit()
        mailbox = messaging.mailbox_dir
        await eventually(lambda: _async(mailbox.exists() and any(mailbox.glob("*.eml"))), what="the email")
        received = BytesParser(policy=policy.default).parsebytes(next(mailbox.glob("*.eml")).read_bytes())
        assert received["To"] == "anna@example.com"
        assert received["Subject"] == "Добро пожаловать в GiftHub"
        assert "Ваша учётная запись anna@example.com готова" in received.get_body(("plain",)).get_content()
    finally:
        await connection.close()
        await runtime.stop()
        await container.close()


async def _async(value: bool) -> bool:
    return value
