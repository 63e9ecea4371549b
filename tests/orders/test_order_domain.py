"""The order aggregate and its certificates, without I/O."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest

from gifthub.domain.catalog import NominalNotAllowed
from gifthub.domain.certificate import CertificateState
from gifthub.domain.contact import InvalidContact, clean_email, clean_phone
from gifthub.domain.order import OrderStatus
from gifthub.domain.order_errors import IllegalCertificateTransition, IllegalOrderTransition, InvalidSchedule
from gifthub.domain.order_events import OrderAwaitingPayment, OrderQueued
from gifthub.domain.order_line import Recipient
from tests.orders.builders import NOW, draft, line, product, recipient, rub


def test_totals_count_every_recipient_and_additional_nominal_with_commission():
    order = draft()
    order.add_line(
        line(
            nominals=("1000.00", "3000.00"),
            quantity=2,
            recipients=[recipient("a@x.ru"), recipient("a@x.ru")],
            percent="2.5",
        ),
        NOW,
    )
    # 2 recipients (the same email twice is fine) x 2 copies x 2 nominals
    assert order.certificate_count == 8
    assert order.face_total == rub("16000.00")
    assert order.total == rub("16400.00")
    assert order.commission_total == rub("400.00")


def test_free_nominal_must_fit_range_and_step():
    free = product("7", fixed=(), free=(50000, 1000000, 10000))
    assert line(free, nominals=("1200.00",)).total == rub("1200.00")
    with pytest.raises(NominalNotAllowed) as error:
        line(free, nominals=("1250.00",))
    assert error.value.field == "line.nominal"
    with pytest.raises(NominalNotAllowed) as error:
        line(free, nominals=("1200.00", "20000.00"))
    assert error.value.field == "line.additional_nominals[0]"


def test_contacts_are_cleaned_and_checked():
    assert clean_email("\u00a0Anna@Example.COM ") == "Anna@example.com"
    with pytest.raises(InvalidContact):
        clean_email("anna\u00a0@example.com")
    assert clean_phone("8 (916) 123-45-67") == "79161234567"
    with pytest.raises(InvalidContact):
        clean_email("anna@@example")
    with pytest.raises(InvalidContact):
        clean_phone("12345")
    with pytest.raises(InvalidContact):
        Recipient.create(name="B", channel="sms", email="b@x.ru")


def test_submit_without_funds_awaits_payment_with_a_registry():
    order = draft()
    order.add_line(line(quantity=3), NOW)
    order.await_payment(rub("500.00"), NOW)
    assert order.status is OrderStatus.AWAITING_PAYMENT
    event = next(e for e in order.events if isinstance(e, OrderAwaitingPayment))
    assert event.total == "3000.00" and event.shortfall == "2500.00"
    assert event.registry[0].quantity == 3 and event.registry[0].amount == "3000.00"
    hold_id = uuid4()
    order.queue(hold_id, NOW)
    assert order.status is OrderStatus.QUEUED and order.hold_id == hold_id
    assert any(isinstance(e, OrderQueued) for e in order.events)
    with pytest.raises(IllegalOrderTransition):
        order.cancel(NOW)


def test_schedule_keeps_utc_and_shows_the_users_zone():
    order = draft()
    local = (NOW + timedelta(days=1)).astimezone(ZoneInfo("Asia/Almaty")).replace(hour=10, minute=0)
    order.schedule(local, "Asia/Almaty", NOW)
    assert order.scheduled_at.utcoffset() == timedelta(0)
    assert order.local_scheduled_at.hour == 10
    with pytest.raises(InvalidSchedule):
        order.schedule(NOW - timedelta(minutes=1), "Europe/Moscow", NOW)


def test_only_drafts_are_edited_or_deleted_and_an_empty_order_is_not_submitted():
    order = draft()
    with pytest.raises(Exception, match="at least one line"):
        order.queue(uuid4(), NOW)
    order.add_line(line(), NOW)
    order.ensure_deletable()
    order.queue(uuid4(), NOW)
    with pytest.raises(IllegalOrderTransition):
        order.add_line(line(), NOW)
    with pytest.raises(IllegalOrderTransition):
        order.ensure_deletable()


def test_certificates_are_issued_one_per_copy_with_their_own_keys():
    order = draft()
    order.add_line(line(nominals=("1000.00", "3000.00"), recipients=[recipient("a@x.ru"), recipient("b@x.ru")]), NOW)
    order.queue(uuid4(), NOW)
    certificates = order.issue_certificates(uuid4, NOW)
    assert len(certificates) == order.certificate_count == 4
    assert len({c.purchase_key for c in certificates}) == 4
    assert sum(c.price.minor for c in certificates) == order.total.minor
    assert {c.email for c in certificates} == {"a@x.ru", "b@x.ru"}
    certificate = certificates[0]
    with pytest.raises(IllegalCertificateTransition):
        certificate.issued("X", "", "", NOW)
    certificate.begin_ordering(NOW)
    certificate.fail("inactive product", NOW)
    old_key = certificate.purchase_key
    certificate.retry(uuid4(), NOW)
    assert certificate.state is CertificateState.PENDING and certificate.purchase_key != old_key


def test_a_frozen_project_takes_no_new_orders():
    from gifthub.domain.errors import ProjectFrozen
    from gifthub.domain.order_settlement import submit_order
    from gifthub.domain.project import Project, ProjectStatus
    from gifthub.domain.region import Region

    project = Project.create(uuid4(), uuid4(), "P", Region.RU, "RU-1", NOW)
    project.status = ProjectStatus.FROZEN
    order = draft(project.id, project.cabinet_id)
    order.add_line(line(), NOW)
    with pytest.raises(ProjectFrozen, match="frozen"):
        submit_order(order, project, uuid4(), uuid4(), NOW)
    assert order.status is OrderStatus.DRAFT and project.held.minor == 0
