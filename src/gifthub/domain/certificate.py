"""One certificate of an order: bought from Giftery once, under its own uuid, with its own state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo

from gifthub.domain.delivery import DeliveredBy
from gifthub.domain.money import Money
from gifthub.domain.order_errors import DeliveryScheduled, IllegalCertificateTransition
from gifthub.domain.order_line import DeliveryChannel


class CertificateState(StrEnum):
    """The purchase: bought once from Giftery. Whether the recipient has it yet is ``DeliveryStatus``."""

    PENDING = "pending"  # not yet asked for
    ORDERING = "ordering"  # we are (or may have been) asking Giftery: the outcome may be unknown
    ORDERED = "ordered"  # Giftery took it (queue id known); waiting for it to be issued
    ISSUED = "issued"  # bought: code / link fetched (was "delivered", which it is not until it is sent)
    FAILED = "failed"  # refused or failed; ``failure_reason`` says why


class DeliveryStatus(StrEnum):
    WAITING = "waiting"  # not issued yet, or issued and waiting for its scheduled moment
    SENT = "sent"  # with the recipient (emailed, sent by Giftery, or a code/link the client hands out)
    FAILED = "failed"  # not bought (``failure_reason``), or its email refused for good (``delivery_error``)


_NEXT: dict[CertificateState, frozenset[CertificateState]] = {
    CertificateState.PENDING: frozenset({CertificateState.ORDERING, CertificateState.FAILED}),
    CertificateState.ORDERING: frozenset({CertificateState.ORDERED, CertificateState.FAILED}),
    CertificateState.ORDERED: frozenset({CertificateState.ISSUED, CertificateState.FAILED}),
    CertificateState.ISSUED: frozenset(),
    CertificateState.FAILED: frozenset({CertificateState.PENDING}),  # only by an explicit retry
}
TERMINAL = frozenset({CertificateState.ISSUED, CertificateState.FAILED})


@dataclass(eq=False)
class Certificate:
    id: UUID  # also Giftery's external_id
    order_id: UUID
    project_id: UUID
    line_id: UUID
    position: int  # order of the certificate inside its order, for stable listing
    product_id: str
    product_name: str
    nominal: Money
    price: Money  # nominal plus commission: what the client pays, captured when bought
    recipient_name: str
    email: str
    phone: str
    message: str
    channel: DeliveryChannel
    sender_name: str
    scheduled_at: datetime | None
    state: CertificateState
    updated_at: datetime
    purchase_key: UUID  # Giftery's uuid: the idempotency key of one purchase, kept across crashes
    queue_id: str = ""
    code: str = ""
    pin: str = ""
    link: str = ""
    failure_reason: str = ""
    attempts: int = 0  # how many times we asked Giftery to make it
    polls: int = 0
    next_check_at: datetime | None = None
    captured: bool = False
    hold_id: UUID | None = None  # a retry's own hold; None: the order's hold pays for it
    delivery_status: DeliveryStatus = DeliveryStatus.WAITING
    delivered_by: DeliveredBy = DeliveredBy.GIFTERY
    delivery_error: str = ""  # why the recipient's mail server refused GiftHub's email
    # Where it was last resent when that is not ``email``: ``email`` stays the recipient's own address as
    # ordered (who the gift is for); a corrected address is kept beside it, never over it.
    resent_to: str = ""

    @property
    def is_terminal(self) -> bool:
        return self.state in TERMINAL

    @property
    def delivery_address(self) -> str:
        """Where its email goes: the corrected address once there is one, else the recipient's."""
        return self.resent_to or self.email

    @property
    def awaits_delivery(self) -> bool:
        """Bought, and not with the recipient yet (its moment has not come, or GiftHub has yet to email it)."""
        return self.state is CertificateState.ISSUED and self.delivery_status is DeliveryStatus.WAITING

    def before_its_moment(self, at: datetime) -> bool:
        return self.awaits_delivery and self.scheduled_at is not None and self.scheduled_at > at

    @property
    def emailed_by_gifthub(self) -> bool:
        """GiftHub emails it itself; SMS stays Giftery's, codes and links the client hands out."""
        return self.delivered_by is DeliveredBy.GIFTHUB and self.channel is DeliveryChannel.EMAIL

    def _move(self, target: CertificateState, at: datetime) -> None:
        if target not in _NEXT[self.state]:
            raise IllegalCertificateTransition(f"certificate {self.id} cannot go from {self.state} to {target}")
        self.state = target
        self.updated_at = at

    def begin_ordering(self, at: datetime) -> None:
        """Recorded (committed) BEFORE calling Giftery, so a crash leaves a trace to reconcile."""
        self._move(CertificateState.ORDERING, at)
        self.attempts += 1

    def ordered(self, queue_id: str, at: datetime) -> None:
        self._move(CertificateState.ORDERED, at)
        self.queue_id = queue_id
        self.polls = 0
        self.next_check_at = at

    def issued(self, code: str, pin: str, link: str, at: datetime) -> None:
        self._move(CertificateState.ISSUED, at)
        self.code, self.pin, self.link = code, pin, link
        self.next_check_at = None
        if self.emailed_by_gifthub:
            self.delivery_status = DeliveryStatus.WAITING  # the due-delivery job sends it at its moment
        elif self.channel in (DeliveryChannel.EMAIL, DeliveryChannel.SMS):
            self.delivery_status = (
                DeliveryStatus.WAITING
                if self.scheduled_at is not None and self.scheduled_at > at
                else DeliveryStatus.SENT
            )
        else:
            self.delivery_status = DeliveryStatus.SENT  # the client hands code or link out itself

    def fail(self, reason: str, at: datetime) -> None:
        self._move(CertificateState.FAILED, at)
        self.failure_reason = reason.strip() or "Giftery did not issue the certificate"
        self.next_check_at = None
        self.delivery_status = DeliveryStatus.FAILED

    def retry(self, purchase_key: UUID, at: datetime) -> None:
        """Only a person retries a failed certificate. The failed purchase is definitely over, so the
        new attempt gets a new purchase key (Giftery would answer the old one with the old failure)."""
        self._move(CertificateState.PENDING, at)
        self.purchase_key = purchase_key
        self.failure_reason = ""
        self.queue_id = ""
        self.delivery_status = DeliveryStatus.WAITING

    def schedule_check(self, at: datetime, delay_seconds: float) -> None:
        self.polls += 1
        self.next_check_at = at + timedelta(seconds=delay_seconds)
        self.updated_at = at

    def delivery_moment_passed(self, at: datetime) -> None:
        """Giftery sends scheduled certificates itself at ``date_send``; once it has come, they are out."""
        if self.emailed_by_gifthub:
            return  # only our own email makes it sent
        if self.awaits_delivery:
            self.delivery_status = DeliveryStatus.SENT
            self.updated_at = at

    def delivery_due(self, now: datetime) -> bool:
        """GiftHub should email it now: issued, not sent yet, and its moment (if any) has come."""
        return self.emailed_by_gifthub and self.awaits_delivery and not self.before_its_moment(now)

    def emailed(self, at: datetime) -> None:
        """GiftHub's delivery email is requested (in the same transaction): sent, unless refused later."""
        if not self.delivery_due(at):
            raise IllegalCertificateTransition(f"certificate {self.id} is not due for delivery")
        self.delivery_status = DeliveryStatus.SENT
        self.updated_at = at

    def resent(self, email: str, at: datetime, *, zone: str = "UTC") -> tuple[str, bool]:
        """A person asks to send it (again) to ``email``. Returns the address it went to before (for the
        audit) and whether to email it now.

        Before its moment a resend never sends it early: GiftHub's own delivery keeps the moment and
        takes the new address; Giftery sends at the moment to the address it was bought for, so a resend
        then is refused with the moment (``zone`` is how the moment is shown)."""
        if self.state is not CertificateState.ISSUED:
            raise IllegalCertificateTransition(f"certificate is {self.state}: only an issued one is resent")
        previous = self.delivery_address
        if self.before_its_moment(at):
            assert self.scheduled_at is not None
            moment = self.scheduled_at.astimezone(ZoneInfo(zone)).isoformat()
            if not self.emailed_by_gifthub or email == previous:
                raise DeliveryScheduled(
                    f"the certificate is scheduled for {moment} and is sent then; resend it after that moment",
                    field="email",
                )
            self.readdress(email)
            self.updated_at = at
            return previous, False
        self.readdress(email)
        self.delivery_status = DeliveryStatus.SENT
        self.delivery_error = ""
        self.updated_at = at
        return previous, True

    def delivery_refused(self, address: str, reason: str, at: datetime) -> bool:
        """The recipient's server refused our email for good. A refusal of an address the certificate no
        longer has (corrected and resent since) changes nothing; returns whether it applied."""
        if self.state is not CertificateState.ISSUED or address.strip().lower() != self.delivery_address.lower():
            return False
        self.delivery_status = DeliveryStatus.FAILED
        self.delivery_error = reason.strip() or "the recipient's mail server refused the email"
        self.updated_at = at
        return True

    def mark_captured(self) -> None:
        self.captured = True

    def readdress(self, email: str) -> str:
        """Send it to ``email`` from now on; the recipient's own address stays in ``email``."""
        previous = self.delivery_address
        self.resent_to = "" if email == self.email else email
        return previous
