"""Order use cases over the real unit of work (SQLite and PostgreSQL) with fake catalog and pricing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from gifthub.application.accounts.get_project import GetProject
from gifthub.application.errors import NotFound
from gifthub.application.ordering.cancel_order import CancelOrder, CancelOrderCommand
from gifthub.application.ordering.commands import DraftInput, Idempotency, LineInput, RecipientInput
from gifthub.application.ordering.create_order import CreateOrder, CreateOrderCommand
from gifthub.application.ordering.delete_order import DeleteOrder, DeleteOrderCommand
from gifthub.application.ordering.edit_order import EditOrder, EditOrderCommand
from gifthub.application.ordering.errors import IdempotencyKeyReused, UnknownProduct
from gifthub.application.ordering.get_order import GetOrder
from gifthub.application.ordering.list_certificates import ListCertificates
from gifthub.application.ordering.list_orders import ListOrders
from gifthub.application.ordering.quick_order import QuickOrder, QuickOrderCommand
from gifthub.application.ordering.resume_awaiting_orders import (
    ResumeOrdersAwaitingPayment,
    ResumeOrdersAwaitingPaymentCommand,
)
from gifthub.application.ordering.submit_order import SubmitOrder, SubmitOrderCommand
from gifthub.domain.catalog import NominalNotAllowed
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.order import OrderStatus
from gifthub.domain.order_errors import IllegalOrderTransition, InvalidSchedule

EMAILS = (RecipientInput(name="Anna", email="anna@example.com"), RecipientInput(name="Boris", email="b@example.com"))


def two_lines(scheduled_at=None) -> DraftInput:
    return DraftInput(
        sender_name="HR team",
        timezone="Europe/Moscow",
        scheduled_at=scheduled_at,
        lines=(
            LineInput("101", "1000.00", 1, additional_nominals=("3000.00",), recipients=EMAILS),
            LineInput("202", "1500.00", 2),
        ),
    )


async def test_draft_edit_submit_holds_and_queues_certificates(app, clock):
    project = await app.project(balance="20000.00")
    created = await app.run(CreateOrder, CreateOrderCommand(project.id, two_lines(clock.now() + timedelta(days=1))))
    order = created.order
    assert order.status is OrderStatus.DRAFT
    # 2 recipients x (1000 + 3000) + 2 x 1500 = 11000, plus 2.5%
    assert order.face_total.to_string() == "11000.00"
    assert order.total.to_string() == "11275.00"
    assert order.certificate_count == 6

    again = await app.run(GetOrder, project.id, order.id)
    assert again.lines[0].product.name == "Gift card 101"
    assert again.lines[0].recipients[1].email == "b@example.com"
    assert again.local_scheduled_at.utcoffset() == timedelta(hours=3)

    edited = await app.run(
        EditOrder, EditOrderCommand(project.id, order.id, DraftInput(lines=(LineInput("101", "1000.00", 3),)))
    )
    assert edited.total.to_string() == "3075.00"

    submitted = (await app.run(SubmitOrder, SubmitOrderCommand(project.id, order.id))).order
    assert submitted.status is OrderStatus.QUEUED and submitted.hold_id is not None
    balance = await app.run(GetProject, project.id)
    assert balance.held.to_string() == "3075.00"
    page = await app.run(ListCertificates, project.id, order.id, limit=2, cursor=None)
    assert len(page.items) == 2 and page.next_cursor
    rest = await app.run(ListCertificates, project.id, order.id, limit=2, cursor=page.next_cursor)
    assert [c.position for c in rest.items] == [2]
    assert {c.price.to_string() for c in page.items + rest.items} == {"1025.00"}

    with pytest.raises(IllegalOrderTransition):
        await app.run(CancelOrder, CancelOrderCommand(project.id, order.id))
    with pytest.raises(IllegalOrderTransition):
        await app.run(DeleteOrder, DeleteOrderCommand(project.id, order.id))


async def test_without_funds_the_order_awaits_payment_and_resumes_when_money_arrives(app):
    project = await app.project(balance="1000.00")
    order = (await app.run(CreateOrder, CreateOrderCommand(project.id, two_lines()))).order
    waiting = (await app.run(SubmitOrder, SubmitOrderCommand(project.id, order.id))).order
    assert waiting.status is OrderStatus.AWAITING_PAYMENT
    assert (await app.run(GetProject, project.id)).held.to_string() == "0.00"

    assert await app.run(ResumeOrdersAwaitingPayment, ResumeOrdersAwaitingPaymentCommand(project.id)) == []
    await app.top_up(project.id, "10275.00", "invoice-1")
    assert await app.run(ResumeOrdersAwaitingPayment, ResumeOrdersAwaitingPaymentCommand(project.id)) == [order.id]
    queued = await app.run(GetOrder, project.id, order.id)
    assert queued.status is OrderStatus.QUEUED
    assert (await app.run(GetProject, project.id)).available.to_string() == "0.00"


async def test_cancel_and_delete_drafts(app):
    project = await app.project()
    first = (await app.run(CreateOrder, CreateOrderCommand(project.id, two_lines()))).order
    second = (await app.run(CreateOrder, CreateOrderCommand(project.id, two_lines()))).order
    await app.run(SubmitOrder, SubmitOrderCommand(project.id, first.id))
    cancelled = await app.run(CancelOrder, CancelOrderCommand(project.id, first.id))
    assert cancelled.status is OrderStatus.CANCELLED
    await app.run(DeleteOrder, DeleteOrderCommand(project.id, second.id))
    with pytest.raises(NotFound):
        await app.run(GetOrder, project.id, second.id)
    page = await app.run(ListOrders, project.id, limit=10, cursor=None)
    assert [o.id for o in page.items] == [first.id]


async def test_bad_input_names_the_field_and_writes_nothing(app, clock):
    project = await app.project(balance="5000.00")
    cases = [
        (LineInput("999", "1000.00"), UnknownProduct, "lines[0].product_id"),
        (LineInput("101", "1234.00"), NominalNotAllowed, "lines[0].nominal"),
        (LineInput("202", "1505.00"), NominalNotAllowed, "lines[0].nominal"),
        (LineInput("303", "1000.00"), Exception, "lines[0].product_id"),
        (
            LineInput("101", "1000.00", recipients=(RecipientInput(email="bad@"),)),
            Exception,
            "lines[0].recipients[0].email",
        ),
    ]
    for line, error_type, field in cases:
        with pytest.raises(error_type) as error:
            await app.run(CreateOrder, CreateOrderCommand(project.id, DraftInput(lines=(line,))))
        assert error.value.field == field
    with pytest.raises(InvalidSchedule):
        draft = DraftInput(scheduled_at=clock.now() - timedelta(hours=1), lines=(LineInput("101", "1000.00"),))
        await app.run(CreateOrder, CreateOrderCommand(project.id, draft))
    assert (await app.run(ListOrders, project.id, limit=10, cursor=None)).items == []


async def test_idempotency_key_replays_and_refuses_a_different_payload(app):
    project = await app.project()
    key = Idempotency("key-1", "hash-a")
    first = await app.run(CreateOrder, CreateOrderCommand(project.id, two_lines(), key))
    second = await app.run(CreateOrder, CreateOrderCommand(project.id, two_lines(), key))
    assert second.replayed and second.order.id == first.order.id
    with pytest.raises(IdempotencyKeyReused):
        await app.run(CreateOrder, CreateOrderCommand(project.id, two_lines(), Idempotency("key-1", "hash-b")))
    assert len((await app.run(ListOrders, project.id, limit=10, cursor=None)).items) == 1


async def test_quick_order_and_tenant_isolation(app):
    project = await app.project(balance="3000.00")
    outcome = await app.run(
        QuickOrder, QuickOrderCommand(project.id, "101", "1000.00", ("a@x.ru", "b@x.ru"), sender_name="Boss")
    )
    assert outcome.order.status is OrderStatus.QUEUED
    assert outcome.order.total.to_string() == "2050.00"
    stranger = Principal(PrincipalKind.USER, "u-9")
    with pytest.raises(NotFound):
        await app.run(GetOrder, project.id, outcome.order.id, principal=stranger)
