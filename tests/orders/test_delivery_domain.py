"""Who delivers, and the per-recipient delivery state of a certificate: waiting -> sent | failed."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest

from gifthub.domain.certificate import Certificate, DeliveryStatus
from gifthub.domain.delivery import DeliveredBy, certificate_of, delivery_key, parse_delivered_by, resend_key
from gifthub.domain.order_errors import (
    DeliveryScheduled,
    IllegalCertificateTransition,
    IllegalOrderTransition,
    InvalidOrder,
)
from gifthub.domain.order_line import Recipient
from tests.orders.builders import NOW, draft, line, recipient

LATER = NOW + timedelta(days=2)


def issued_certificates(delivered_by: DeliveredBy, *recipients: Recipient, scheduled=LATER) -> list[Certificate]:
    order = draft()
    order.deliver_by(delivered_by, NOW)
    order.add_line(line(recipients=recipients), NOW)
    order.schedule(scheduled, "Europe/Moscow", NOW)
    order.queue(uuid4(), NOW)
    certificates = order.issue_certificates(uuid4, NOW)
    for certificate in certificates:
        certificate.begin_ordering(NOW)
        certificate.ordered("q-1", NOW)
        certificate.issued("CODE-1", "", "https://x/1", NOW)
    return certificates


def test_an_order_is_delivered_by_giftery_unless_told_otherwise_and_only_a_draft_changes_it():
    order = draft()
    assert order.delivered_by is DeliveredBy.GIFTERY
    order.deliver_by(parse_delivered_by(" GiftHub "), NOW)
    assert order.delivered_by is DeliveredBy.GIFTHUB
    order.add_line(line(recipients=[recipient()]), NOW)
    order.queue(uuid4(), NOW)
    assert {c.delivered_by for c in order.issue_certificates(uuid4, NOW)} == {DeliveredBy.GIFTHUB}
    with pytest.raises(IllegalOrderTransition):
        order.deliver_by(DeliveredBy.GIFTERY, NOW)
    with pytest.raises(InvalidOrder) as error:
        parse_delivered_by("pigeon")
    assert error.value.field == "delivered_by"


def test_gifthub_emails_a_scheduled_certificate_only_once_its_moment_has_come():
    [certificate] = issued_certificates(DeliveredBy.GIFTHUB, recipient())
    assert certificate.emailed_by_gifthub and certificate.delivery_status is DeliveryStatus.WAITING
    assert not certificate.delivery_due(LATER - timedelta(seconds=1))
    with pytest.raises(IllegalCertificateTransition):
        certificate.emailed(NOW)
    certificate.delivery_moment_passed(LATER)  # Giftery's notion of "sent" does not apply: it never sends it
    assert certificate.delivery_status is DeliveryStatus.WAITING
    assert certificate.delivery_due(LATER)
    certificate.emailed(LATER)
    assert certificate.delivery_status is DeliveryStatus.SENT
    assert not certificate.delivery_due(LATER)  # once: a second email is never due
    with pytest.raises(IllegalCertificateTransition):
        certificate.emailed(LATER)


def test_without_a_moment_gifthub_emails_at_once():
    [certificate] = issued_certificates(DeliveredBy.GIFTHUB, recipient(), scheduled=None)
    assert certificate.delivery_due(NOW)


def test_sms_code_and_link_are_never_emailed_by_gifthub():
    sms = Recipient.create(name="S", phone="79990001122", channel="sms")
    code = Recipient.create(name="C", channel="code")
    link = Recipient.create(name="L", channel="link")
    certificates = issued_certificates(DeliveredBy.GIFTHUB, sms, code, link)
    assert not any(c.emailed_by_gifthub or c.delivery_due(LATER) for c in certificates)
    by_channel = {c.channel.value: c for c in certificates}
    assert by_channel["sms"].delivery_status is DeliveryStatus.WAITING  # Giftery sends the SMS at the moment
    by_channel["sms"].delivery_moment_passed(LATER)
    assert by_channel["sms"].delivery_status is DeliveryStatus.SENT
    assert by_channel["code"].delivery_status is by_channel["link"].delivery_status is DeliveryStatus.SENT


def test_giftery_delivery_is_unchanged():
    [certificate] = issued_certificates(DeliveredBy.GIFTERY, recipient())
    assert not certificate.emailed_by_gifthub and not certificate.delivery_due(LATER)
    certificate.delivery_moment_passed(LATER)
    assert certificate.delivery_status is DeliveryStatus.SENT


def test_a_refusal_fails_the_delivery_with_the_reason_unless_the_address_was_corrected_since():
    [certificate] = issued_certificates(DeliveredBy.GIFTHUB, recipient("anna@example.com"), scheduled=None)
    certificate.emailed(NOW)
    assert certificate.delivery_refused("Anna@Example.com", "550 5.1.1 No such user here", NOW)
    assert (certificate.delivery_status, certificate.delivery_error) == (
        DeliveryStatus.FAILED,
        "550 5.1.1 No such user here",
    )
    assert certificate.resent("anna@corrected.example", NOW) == ("anna@example.com", True)
    assert (certificate.delivery_status, certificate.delivery_error) == (DeliveryStatus.SENT, "")
    assert (certificate.email, certificate.resent_to) == ("anna@example.com", "anna@corrected.example")
    # The first email's refusal arriving late concerns an address the certificate no longer has.
    assert not certificate.delivery_refused("anna@example.com", "550 late", NOW)
    assert certificate.delivery_status is DeliveryStatus.SENT


def test_a_resend_before_the_moment_never_sends_it_early():
    [own] = issued_certificates(DeliveredBy.GIFTHUB, recipient("anna@example.com"))
    # GiftHub's own delivery keeps the moment and takes the corrected address for it.
    assert own.resent("anna@corrected.example", NOW) == ("anna@example.com", False)
    assert (own.delivery_status, own.scheduled_at) == (DeliveryStatus.WAITING, LATER)
    assert (own.email, own.delivery_address) == ("anna@example.com", "anna@corrected.example")
    assert not own.delivery_due(LATER - timedelta(seconds=1)) and own.delivery_due(LATER)
    with pytest.raises(DeliveryScheduled):  # the same address again: it goes there at the moment anyway
        own.resent("anna@corrected.example", NOW)
    # Giftery sends at the moment to the address it was bought for: a resend before it is refused.
    [giftery] = issued_certificates(DeliveredBy.GIFTERY, recipient("bob@example.com"))
    with pytest.raises(DeliveryScheduled) as refused:
        giftery.resent("bob@corrected.example", NOW, zone="Asia/Almaty")
    assert "scheduled for " + LATER.astimezone(ZoneInfo("Asia/Almaty")).isoformat() in refused.value.message
    assert (giftery.email, giftery.resent_to, giftery.delivery_status) == (
        "bob@example.com",
        "",
        DeliveryStatus.WAITING,
    )
    # After the moment a resend goes at once, and back to the recipient's own address clears the correction.
    assert giftery.resent("bob@corrected.example", LATER) == ("bob@example.com", True)
    assert giftery.resent("bob@example.com", LATER) == ("bob@corrected.example", True)
    assert (giftery.email, giftery.resent_to) == ("bob@example.com", "")


def test_dedup_keys_lead_back_to_their_certificate_and_nothing_else():
    certificate_id = uuid4()
    assert certificate_of(delivery_key(certificate_id)) == certificate_id
    assert certificate_of(resend_key(certificate_id, uuid4())) == certificate_id
    assert delivery_key(certificate_id) != resend_key(certificate_id, uuid4())
    assert certificate_of("welcome:anna@example.com") is None
    assert certificate_of("certificate-delivery:not-a-uuid") is None
