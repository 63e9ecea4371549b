"""GiftHub's own delivery through the use cases, with the fake Giftery: who delivers is chosen on the
order, Giftery is not asked to send what GiftHub emails, the email goes out once at its moment, a refusal
comes back to the certificate, and resend works either way."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from gifthub.adapters.persistence.engine import create_engine
from gifthub.application.ordering.commands import DraftInput, LineInput, RecipientInput
from gifthub.application.ordering.create_order import CreateOrder, CreateOrderCommand
from gifthub.application.ordering.deliver_due_certificates import DeliverDueCertificates
from gifthub.application.ordering.edit_order import EditOrder, EditOrderCommand
from gifthub.application.ordering.get_order import GetOrder
from gifthub.application.ordering.quick_order import QuickOrder, QuickOrderCommand
from gifthub.application.ordering.record_delivery_refusal import DeliveryRefusal, RecordDeliveryRefusal
from gifthub.application.ordering.resend_certificate import ResendCertificate, ResendCertificateCommand
from gifthub.application.ordering.submit_order import SubmitOrder, SubmitOrderCommand
from gifthub.domain.delivery import DeliveredBy, delivery_key
from gifthub.domain.order_errors import InvalidOrder
from tests.orders.test_order_worker import certificates, drain


async def deliver(app) -> int:
    async with app.container() as request:
        return await (await request.get(DeliverDueCertificates)).run_once()


async def delivery_emails(settings) -> list[dict]:
    engine = create_engine(settings.database_url)
    try:
        async with engine.connect() as connection:
            query = text("select payload from outbox where event_name = 'email.requested' order by occurred_at")
            payloads = [json.loads(row[0]) for row in await connection.execute(query)]
    finally:
        await engine.dispose()
    return [p for p in payloads if p["template"] == "certificate_delivery"]


async def submitted(app, delivered_by: str, recipients, *, moment=None):
    project = await app.project(balance="10000.00")
    draft = DraftInput(
        sender_name="HR",
        scheduled_at=moment,
        lines=(LineInput("101", "1000.00", 1, recipients=tuple(recipients)),),
        delivered_by=delivered_by,
    )
    order = (await app.run(CreateOrder, CreateOrderCommand(project.id, draft))).order
    await app.run(SubmitOrder, SubmitOrderCommand(project.id, order.id))
    return project, order


async def test_gifthub_emails_a_scheduled_certificate_once_at_its_moment(app, clock, giftery, settings):
    giftery.polls_before_done = 0
    moment = clock.now() + timedelta(days=2)
    people = (
        RecipientInput(name="Anna", email="anna@x.ru", message="Спасибо!"),
        RecipientInput(name="S", phone="79990001122", channel="sms"),
    )
    project, order = await submitted(app, "gifthub", people, moment=moment)
    assert order.delivered_by is DeliveredBy.GIFTHUB
    await drain(app, clock)  # bought and issued (the drain moves the clock by minutes, not days)
    anna, sms = await certificates(app, project, order)
    # Giftery issues Anna's code but must not email it too; the SMS stays Giftery's, at the moment.
    request = giftery.placed[str(anna.purchase_key)].request
    assert (request.delivery_type, request.email_to, request.date_send) == ("code", "", None)
    sms_request = giftery.placed[str(sms.purchase_key)].request
    assert (sms_request.delivery_type, sms_request.date_send) == ("sms", moment)
    assert (anna.state.value, anna.delivery_status.value) == ("issued", "waiting")

    assert await deliver(app) == 0 and await delivery_emails(settings) == []  # not before its moment
    clock.moment = moment
    assert await deliver(app) == 1
    assert await deliver(app) == 0  # once
    [email] = await delivery_emails(settings)
    assert (email["to"], email["dedup_key"]) == ("anna@x.ru", delivery_key(anna.id))
    assert (email["context"]["code"], email["context"]["message"]) == (anna.code, "Спасибо!")
    anna, sms = await certificates(app, project, order)
    assert (anna.delivery_status.value, sms.delivery_status.value) == ("sent", "waiting")


async def test_giftery_delivered_orders_are_never_emailed_by_gifthub(app, clock, giftery, settings):
    giftery.polls_before_done = 0
    project, order = await submitted(app, "giftery", [RecipientInput(name="A", email="a@x.ru")])
    await drain(app, clock)
    [item] = await certificates(app, project, order)
    request = giftery.placed[str(item.purchase_key)].request
    assert (request.delivery_type, request.email_to) == ("email", "a@x.ru")
    assert item.delivery_status.value == "sent" and await deliver(app) == 0
    assert await delivery_emails(settings) == []


async def test_delivered_by_is_set_on_create_edit_and_quick_orders_and_checked(app):
    project = await app.project(balance="5000.00")
    line = LineInput("101", "1000.00", 1, recipients=(RecipientInput(email="a@x.ru"),))
    order = (await app.run(CreateOrder, CreateOrderCommand(project.id, DraftInput(lines=(line,))))).order
    assert order.delivered_by is DeliveredBy.GIFTERY
    edited = await app.run(
        EditOrder, EditOrderCommand(project.id, order.id, DraftInput(lines=(line,), delivered_by="gifthub"))
    )
    assert edited.delivered_by is DeliveredBy.GIFTHUB
    assert (await app.run(GetOrder, project.id, order.id)).delivered_by is DeliveredBy.GIFTHUB
    quick = QuickOrderCommand(project.id, "101", "1000.00", ("b@x.ru",), delivered_by="gifthub")
    assert (await app.run(QuickOrder, quick)).order.delivered_by is DeliveredBy.GIFTHUB
    with pytest.raises(InvalidOrder) as error:
        await app.run(CreateOrder, CreateOrderCommand(project.id, DraftInput(lines=(line,), delivered_by="post")))
    assert error.value.field == "delivered_by"


async def test_a_refusal_fails_the_delivery_and_a_resend_to_a_corrected_address_sends_it(app, clock, giftery, settings):
    giftery.polls_before_done = 0
    project, order = await submitted(app, "gifthub", [RecipientInput(name="A", email="refused@x.ru")])
    await drain(app, clock)
    assert await deliver(app) == 1  # no moment: at once
    [item] = await certificates(app, project, order)
    refusal = DeliveryRefusal(delivery_key(item.id), "refused@x.ru", "550 5.1.1 No such user here")
    async with app.container() as request:
        use_case = await request.get(RecordDeliveryRefusal)
        assert await use_case.execute(refusal)
        assert not await use_case.execute(DeliveryRefusal("welcome:someone", "refused@x.ru", "550"))
    [item] = await certificates(app, project, order)
    assert (item.delivery_status.value, item.delivery_error) == ("failed", "550 5.1.1 No such user here")

    await app.run(ResendCertificate, ResendCertificateCommand(project.id, order.id, item.id, "fixed@x.ru"))
    [item] = await certificates(app, project, order)
    assert (item.delivery_status.value, item.delivery_error, item.email, item.resent_to) == (
        "sent",
        "",
        "refused@x.ru",
        "fixed@x.ru",
    )
    assert [e["to"] for e in await delivery_emails(settings)] == ["refused@x.ru", "fixed@x.ru"]
    assert await deliver(app) == 0  # the resend is not followed by a scheduled email
