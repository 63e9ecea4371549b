"""The order aggregate: a project's purchase of certificates, from draft to completion."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from gifthub.domain.certificate import Certificate, CertificateState
from gifthub.domain.delivery import DeliveredBy
from gifthub.domain.events import DomainEvent
from gifthub.domain.money import Currency, Money
from gifthub.domain.order_errors import IllegalOrderTransition, InvalidOrder, InvalidSchedule
from gifthub.domain.order_events import (
    OrderAwaitingPayment,
    OrderCancelled,
    OrderCreated,
    OrderFinished,
    OrderQueued,
    RegistryLine,
)
from gifthub.domain.order_line import DeliveryChannel, OrderLine

MAX_CERTIFICATES = 100_000


class OrderStatus(StrEnum):
    DRAFT = "draft"
    AWAITING_PAYMENT = "awaiting_payment"
    QUEUED = "queued"
    PROCESSING = "processing"  # its certificates are being bought
    SCHEDULED = "scheduled"  # bought and paid for; certificates wait for their moment to be sent
    COMPLETED = "completed"  # every certificate is with its recipient (or in the client's hands)
    PARTIALLY_COMPLETED = "partially_completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


S = OrderStatus
ALLOWED: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.DRAFT: frozenset({S.AWAITING_PAYMENT, S.QUEUED, S.CANCELLED}),
    S.AWAITING_PAYMENT: frozenset({S.QUEUED, S.CANCELLED}),
    S.QUEUED: frozenset({S.PROCESSING}),
    S.PROCESSING: frozenset({S.SCHEDULED, S.COMPLETED, S.PARTIALLY_COMPLETED, S.FAILED}),
    S.SCHEDULED: frozenset({S.COMPLETED, S.PARTIALLY_COMPLETED, S.PROCESSING}),
    # An explicit retry of a failed certificate reopens a finished (or scheduled) order.
    S.PARTIALLY_COMPLETED: frozenset({S.PROCESSING}),
    S.FAILED: frozenset({S.PROCESSING}),
    S.COMPLETED: frozenset(),
    S.CANCELLED: frozenset(),
}
FINISHED = frozenset({S.COMPLETED, S.PARTIALLY_COMPLETED, S.FAILED, S.CANCELLED})
# Its money is settled: what was bought is captured and the rest of its hold released.
SETTLED = FINISHED | {S.SCHEDULED}


def parse_timezone(name: str, *, field: str = "timezone") -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidSchedule(f"unknown time zone {name!r}, e.g. Europe/Moscow", field=field) from None
    return name


def ensure_future(moment: datetime | None, now: datetime, *, field: str = "scheduled_at") -> None:
    if moment is None:
        return
    if moment.tzinfo is None:
        raise InvalidSchedule("a delivery moment needs its time zone", field=field)
    if moment <= now:
        raise InvalidSchedule("the delivery moment is in the past", field=field)


@dataclass(eq=False)
class Order:
    id: UUID
    project_id: UUID
    cabinet_id: UUID
    currency: Currency
    status: OrderStatus
    sender_name: str
    scheduled_at: datetime | None  # aware UTC
    timezone: str  # the user's zone, to show the moment back as entered
    lines: list[OrderLine]
    created_by: str
    created_at: datetime
    updated_at: datetime
    hold_id: UUID | None = None
    source: str = ""  # e.g. "quick", "xlsx:<sha256>"
    delivered_by: DeliveredBy = DeliveredBy.GIFTERY
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    @classmethod
    def draft(
        cls,
        order_id: UUID,
        project_id: UUID,
        cabinet_id: UUID,
        currency: Currency,
        created_by: str,
        at: datetime,
        *,
        sender_name: str = "",
        timezone: str = "Europe/Moscow",
        source: str = "",
        delivered_by: DeliveredBy = DeliveredBy.GIFTERY,
    ) -> Order:
        order = cls(
            id=order_id,
            project_id=project_id,
            cabinet_id=cabinet_id,
            currency=currency,
            status=OrderStatus.DRAFT,
            sender_name=" ".join(sender_name.split())[:200],
            scheduled_at=None,
            timezone=parse_timezone(timezone),
            lines=[],
            created_by=created_by,
            created_at=at,
            updated_at=at,
            source=source,
            delivered_by=delivered_by,
        )
        order.events.append(OrderCreated(occurred_at=at, order_id=order_id, project_id=project_id))
        return order

    # totals ---------------------------------------------------------------------------------------
    @property
    def total(self) -> Money:
        return Money(sum(line.total.minor for line in self.lines), self.currency)

    @property
    def face_total(self) -> Money:
        return Money(sum(line.face_total.minor for line in self.lines), self.currency)

    @property
    def commission_total(self) -> Money:
        return self.total - self.face_total

    @property
    def certificate_count(self) -> int:
        return sum(line.certificate_count for line in self.lines)

    @property
    def local_scheduled_at(self) -> datetime | None:
        return None if self.scheduled_at is None else self.scheduled_at.astimezone(ZoneInfo(self.timezone))

    # editing a draft ------------------------------------------------------------------------------
    def _editable(self) -> None:
        if self.status is not OrderStatus.DRAFT:
            raise IllegalOrderTransition(f"order is {self.status}: only a draft can be edited")

    def add_line(self, line: OrderLine, at: datetime) -> None:
        self._editable()
        if line.product.currency is not self.currency:
            raise InvalidOrder(f"the project pays in {self.currency}", field="line.nominal")
        if self.certificate_count + line.certificate_count > MAX_CERTIFICATES:
            raise InvalidOrder(f"an order holds at most {MAX_CERTIFICATES} certificates", field="lines")
        self.lines = [*self.lines, line]  # a new list: storage notices the change
        self.updated_at = at

    def replace_lines(self, lines: Iterable[OrderLine], at: datetime) -> None:
        self._editable()
        previous, self.lines = self.lines, []
        try:
            for line in lines:
                self.add_line(line, at)
        except Exception:
            self.lines = previous
            raise

    def remove_line(self, line_id: UUID, at: datetime) -> None:
        self._editable()
        kept = [line for line in self.lines if line.id != line_id]
        if len(kept) == len(self.lines):
            raise InvalidOrder(f"order has no line {line_id}", field="line_id")
        self.lines = kept
        self.updated_at = at

    def set_sender(self, sender_name: str, at: datetime) -> None:
        self._editable()
        self.sender_name = " ".join(sender_name.split())[:200]
        self.updated_at = at

    def deliver_by(self, delivered_by: DeliveredBy, at: datetime) -> None:
        self._editable()
        self.delivered_by = delivered_by
        self.updated_at = at

    def schedule(self, moment: datetime | None, timezone: str, now: datetime) -> None:
        """``moment`` is aware (any zone); kept in UTC, shown back in ``timezone``."""
        self._editable()
        ensure_future(moment, now)
        self.timezone = parse_timezone(timezone)
        self.scheduled_at = None if moment is None else moment.astimezone(ZoneInfo("UTC"))
        self.updated_at = now

    def ensure_deletable(self) -> None:
        if self.status is not OrderStatus.DRAFT:
            raise IllegalOrderTransition(f"order is {self.status}: only a draft can be deleted")

    # lifecycle ------------------------------------------------------------------------------------
    def _move(self, target: OrderStatus, at: datetime) -> None:
        if target not in ALLOWED[self.status]:
            raise IllegalOrderTransition(f"order is {self.status}: it cannot become {target}")
        self.status = target
        self.updated_at = at

    def ensure_submittable(self, now: datetime) -> None:
        if self.status is not OrderStatus.DRAFT:
            raise IllegalOrderTransition(f"order is {self.status}: only a draft can be submitted")
        if not self.lines:
            raise InvalidOrder("an order needs at least one line", field="lines")
        for index, line in enumerate(self.lines):
            ensure_future(line.scheduled_at, now, field=f"lines[{index}].scheduled_at")
        ensure_future(self.scheduled_at, now)

    def await_payment(self, available: Money, at: datetime) -> None:
        """Funds do not cover the total: ask billing for an invoice of the certificate registry."""
        self.ensure_submittable(at)
        self._move(OrderStatus.AWAITING_PAYMENT, at)
        self.events.append(
            OrderAwaitingPayment(
                occurred_at=at,
                order_id=self.id,
                project_id=self.project_id,
                cabinet_id=self.cabinet_id,
                currency=self.currency.value,
                total=self.total.to_string(),
                shortfall=(self.total - available).to_string(),
                registry=self.registry(),
            )
        )

    def queue(self, hold_id: UUID, at: datetime) -> None:
        """The hold for ``total`` is placed (in the same transaction): the certificates may be bought."""
        if self.status is OrderStatus.DRAFT:
            self.ensure_submittable(at)
        self._move(OrderStatus.QUEUED, at)
        self.hold_id = hold_id
        self.events.append(
            OrderQueued(
                occurred_at=at,
                order_id=self.id,
                project_id=self.project_id,
                hold_id=hold_id,
                total=self.total.to_string(),
                currency=self.currency.value,
                certificates=self.certificate_count,
            )
        )

    def cancel(self, at: datetime) -> None:
        self._move(OrderStatus.CANCELLED, at)
        self.events.append(OrderCancelled(occurred_at=at, order_id=self.id, project_id=self.project_id))

    def start_processing(self, at: datetime) -> None:
        self._move(OrderStatus.PROCESSING, at)

    def settle(self, issued: int, failed: int, waiting: int, at: datetime) -> OrderStatus:
        """Every certificate is bought (``issued``) or failed; ``waiting`` of the issued ones are not yet
        with their recipients (their moment is to come). The money is settled now either way; the order
        is finished only when nothing waits, else it is scheduled until then."""
        if waiting and issued:
            if issued + failed != self.certificate_count:
                raise InvalidOrder(f"{self.certificate_count} certificates, {issued + failed} bought or failed")
            self._move(OrderStatus.SCHEDULED, at)
            return OrderStatus.SCHEDULED
        return self.finish(issued, failed, at)

    def finish(self, delivered: int, failed: int, at: datetime) -> OrderStatus:
        """Called when every certificate is with its recipient or failed."""
        if delivered + failed != self.certificate_count:
            raise InvalidOrder(f"{self.certificate_count} certificates, {delivered + failed} finished")
        if failed == 0:
            target = OrderStatus.COMPLETED
        elif delivered == 0:
            target = OrderStatus.FAILED
        else:
            target = OrderStatus.PARTIALLY_COMPLETED
        self._move(target, at)
        self.events.append(
            OrderFinished(
                occurred_at=at,
                order_id=self.id,
                project_id=self.project_id,
                status=target.value,
                delivered=delivered,
                failed=failed,
            )
        )
        return target

    # certificates ---------------------------------------------------------------------------------
    def registry(self) -> tuple[RegistryLine, ...]:
        rows = []
        for line in self.lines:
            for nominal in line.nominals:
                price = line.unit_price(nominal)
                rows.append(
                    RegistryLine(
                        product_id=line.product.product_id,
                        product_name=line.product.name,
                        nominal=nominal.to_string(),
                        unit_price=price.to_string(),
                        quantity=line.copies,
                        amount=Money(price.minor * line.copies, self.currency).to_string(),
                    )
                )
        return tuple(rows)

    def issue_certificates(self, new_id: Callable[[], UUID], at: datetime) -> list[Certificate]:
        """One entity per certificate to buy, each with its own stable id and purchase key."""
        if self.status is not OrderStatus.QUEUED:
            raise IllegalOrderTransition(f"order is {self.status}: certificates are issued when it is queued")
        certificates: list[Certificate] = []
        for line in self.lines:
            recipients = line.recipients or (None,)
            for recipient in recipients:
                for nominal in line.nominals:
                    for _ in range(line.quantity):
                        certificates.append(
                            Certificate(
                                id=new_id(),
                                order_id=self.id,
                                project_id=self.project_id,
                                line_id=line.id,
                                position=len(certificates),
                                product_id=line.product.product_id,
                                product_name=line.product.name,
                                nominal=nominal,
                                price=line.unit_price(nominal),
                                recipient_name=recipient.name if recipient else "",
                                email=recipient.email if recipient else "",
                                phone=recipient.phone if recipient else "",
                                message=recipient.message if recipient else "",
                                channel=recipient.channel if recipient else DeliveryChannel.CODE,
                                sender_name=self.sender_name,
                                scheduled_at=line.scheduled_at or self.scheduled_at,
                                state=CertificateState.PENDING,
                                updated_at=at,
                                purchase_key=new_id(),
                                delivered_by=self.delivered_by,
                            )
                        )
        return certificates
