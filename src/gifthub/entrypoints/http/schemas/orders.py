"""Request and response bodies of orders. Amounts are decimal strings; moments ISO-8601 with offset."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

import msgspec

from gifthub.application.ordering.commands import DraftInput, LineInput, RecipientInput
from gifthub.domain.certificate import Certificate
from gifthub.domain.order import Order
from gifthub.domain.order_errors import InvalidSchedule
from gifthub.domain.order_line import OrderLine, Recipient
from gifthub.entrypoints.http.schemas.accounts import AmountText, Body

Moment = Annotated[
    datetime,
    msgspec.Meta(
        description="ISO-8601 with an offset, e.g. 2026-12-31T10:00:00+03:00", examples=["2026-12-31T10:00:00+03:00"]
    ),
]


def _aware(moment: datetime | None, field: str) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        raise InvalidSchedule("give the moment with its offset, e.g. 2026-12-31T10:00:00+03:00", field=field)
    return moment


DeliveredByText = Annotated[
    str,
    msgspec.Meta(
        max_length=16,
        description="who delivers: giftery (Giftery sends at the moment) or gifthub (GiftHub's own email)",
        examples=["gifthub"],
    ),
]


TimeZoneText = Annotated[
    str,
    msgspec.Meta(
        max_length=64,
        description=(
            "the IANA zone the moments are entered and shown in; omitted: the orderer's profile zone "
            "(an API key: the zone of the project's region, e.g. Europe/Moscow for RU)"
        ),
        examples=["Asia/Almaty"],
    ),
]
AllowDuplicates = Annotated[
    bool,
    msgspec.Meta(
        description=(
            "confirm that one person is to get the same product at the same nominal more than once; "
            "without it such a duplicate (anywhere in the order) is refused as /problems/duplicate-certificate, "
            "naming the repeated recipient"
        )
    ),
]


class RecipientIn(Body):
    name: Annotated[str, msgspec.Meta(max_length=200)] = ""
    email: Annotated[str, msgspec.Meta(max_length=254)] = ""
    phone: Annotated[str, msgspec.Meta(max_length=32)] = ""
    message: Annotated[str, msgspec.Meta(max_length=512)] = ""
    channel: Annotated[str, msgspec.Meta(description="email, sms, link or code")] = "email"


class LineIn(Body):
    product_id: Annotated[str, msgspec.Meta(max_length=64)]
    nominal: AmountText
    quantity: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 1
    additional_nominals: Annotated[list[AmountText], msgspec.Meta(max_length=20)] = []
    recipients: Annotated[list[RecipientIn], msgspec.Meta(max_length=10_000)] = []
    scheduled_at: Moment | None = None


class DraftIn(Body):
    lines: Annotated[list[LineIn], msgspec.Meta(max_length=1_000)] = []
    sender_name: Annotated[str, msgspec.Meta(max_length=200)] = ""
    timezone: TimeZoneText | None = None
    scheduled_at: Moment | None = None
    delivered_by: DeliveredByText = "giftery"
    allow_duplicates: AllowDuplicates = False

    def to_input(self) -> DraftInput:
        lines = tuple(
            LineInput(
                product_id=line.product_id,
                nominal=line.nominal,
                quantity=line.quantity,
                additional_nominals=tuple(line.additional_nominals),
                recipients=tuple(
                    RecipientInput(r.name, r.email, r.phone, r.message, r.channel) for r in line.recipients
                ),
                scheduled_at=_aware(line.scheduled_at, f"lines[{index}].scheduled_at"),
            )
            for index, line in enumerate(self.lines)
        )
        scheduled_at = _aware(self.scheduled_at, "scheduled_at")
        return DraftInput(
            self.sender_name,
            self.timezone,
            scheduled_at,
            lines,
            delivered_by=self.delivered_by,
            allow_duplicates=self.allow_duplicates,
        )


class QuickOrderIn(Body):
    product_id: Annotated[str, msgspec.Meta(max_length=64)]
    nominal: AmountText
    emails: Annotated[list[Annotated[str, msgspec.Meta(max_length=254)]], msgspec.Meta(min_length=1, max_length=10_000)]
    sender_name: Annotated[str, msgspec.Meta(max_length=200)] = ""
    message: Annotated[str, msgspec.Meta(max_length=512)] = ""
    delivered_by: DeliveredByText = "giftery"
    allow_duplicates: AllowDuplicates = False


class ProductOut(msgspec.Struct, frozen=True):
    id: str
    name: str
    image_url: str
    terms: str


class RecipientOut(msgspec.Struct, frozen=True):
    name: str
    email: str
    phone: str
    message: str
    channel: str

    @classmethod
    def of(cls, r: Recipient) -> RecipientOut:
        return cls(r.name, r.email, r.phone, r.message, r.channel.value)


class LineOut(msgspec.Struct, frozen=True):
    id: UUID
    product: ProductOut
    nominal: str
    additional_nominals: list[str]
    unit_prices: list[str]
    quantity: int
    recipients: list[RecipientOut]
    certificate_count: int
    face_total: str
    total: str
    scheduled_at: datetime | None

    @classmethod
    def of(cls, line: OrderLine) -> LineOut:
        p = line.product
        return cls(
            id=line.id,
            product=ProductOut(p.product_id, p.name, p.image_url, p.terms),
            nominal=line.nominals[0].to_string(),
            additional_nominals=[n.to_string() for n in line.nominals[1:]],
            unit_prices=[line.unit_price(n).to_string() for n in line.nominals],
            quantity=line.quantity,
            recipients=[RecipientOut.of(r) for r in line.recipients],
            certificate_count=line.certificate_count,
            face_total=line.face_total.to_string(),
            total=line.total.to_string(),
            scheduled_at=line.scheduled_at,
        )


class OrderOut(msgspec.Struct, frozen=True):
    id: UUID
    project_id: UUID
    status: str
    currency: str
    sender_name: str
    timezone: str
    scheduled_at: datetime | None
    scheduled_at_local: datetime | None
    face_total: str
    commission_total: str
    total: str
    certificate_count: int
    lines: list[LineOut]
    hold_id: UUID | None
    source: str
    created_at: datetime
    updated_at: datetime
    delivered_by: str

    @classmethod
    def of(cls, order: Order) -> OrderOut:
        return cls(
            id=order.id,
            project_id=order.project_id,
            status=order.status.value,
            currency=order.currency.value,
            sender_name=order.sender_name,
            timezone=order.timezone,
            scheduled_at=order.scheduled_at.astimezone(UTC) if order.scheduled_at else None,
            scheduled_at_local=order.local_scheduled_at,
            face_total=order.face_total.to_string(),
            commission_total=order.commission_total.to_string(),
            total=order.total.to_string(),
            certificate_count=order.certificate_count,
            lines=[LineOut.of(line) for line in order.lines],
            hold_id=order.hold_id,
            source=order.source,
            created_at=order.created_at,
            updated_at=order.updated_at,
            delivered_by=order.delivered_by.value,
        )


class OrderSummaryOut(msgspec.Struct, frozen=True):
    id: UUID
    status: str
    currency: str
    total: str
    certificate_count: int
    source: str
    created_at: datetime

    @classmethod
    def of(cls, order: Order) -> OrderSummaryOut:
        return cls(
            order.id,
            order.status.value,
            order.currency.value,
            order.total.to_string(),
            order.certificate_count,
            order.source,
            order.created_at,
        )


class OrderPage(msgspec.Struct, frozen=True):
    items: list[OrderSummaryOut]
    next_cursor: str | None


CertificateStateText = Annotated[
    str,
    msgspec.Meta(
        description=(
            "the purchase: pending, ordering, ordered, issued (bought; whether the recipient has it is "
            "delivery_status) or failed"
        )
    ),
]
DeliveryStatusText = Annotated[
    str,
    msgspec.Meta(description="waiting (not bought yet, or bought and waiting for scheduled_at), sent, or failed"),
]


class CertificateOut(msgspec.Struct, frozen=True):
    id: UUID
    position: int
    product_id: str
    product_name: str
    nominal: str
    price: str
    recipient_name: str
    email: Annotated[str, msgspec.Meta(description="the recipient's own address, as ordered")]
    phone: str
    channel: str
    state: CertificateStateText
    failure_reason: str
    delivery_status: DeliveryStatusText
    code: str
    pin: str
    link: str
    scheduled_at: datetime | None
    delivered_by: str
    delivery_error: str  # the recipient's mail server's refusal, when delivery_status is failed
    resent_to: Annotated[str, msgspec.Meta(description="where it was last resent, when not to email; else empty")]

    @classmethod
    def of(cls, c: Certificate) -> CertificateOut:
        return cls(
            id=c.id,
            position=c.position,
            product_id=c.product_id,
            product_name=c.product_name,
            nominal=c.nominal.to_string(),
            price=c.price.to_string(),
            recipient_name=c.recipient_name,
            email=c.email,
            phone=c.phone,
            channel=c.channel.value,
            state=c.state.value,
            failure_reason=c.failure_reason,
            delivery_status=c.delivery_status.value,
            code=c.code,
            pin=c.pin,
            link=c.link,
            scheduled_at=c.scheduled_at,
            delivered_by=c.delivered_by.value,
            delivery_error=c.delivery_error,
            resent_to=c.resent_to,
        )


class CertificatePage(msgspec.Struct, frozen=True):
    items: list[CertificateOut]
    next_cursor: str | None


class ResumedOut(msgspec.Struct, frozen=True):
    queued: list[UUID]


class RowProblemOut(msgspec.Struct, frozen=True):
    row: int
    column: str
    header: str
    message: str


class XlsxResultOut(msgspec.Struct, frozen=True):
    rows: int
    valid_rows: int
    failed_rows: list[int]
    problems: list[RowProblemOut]
    order: OrderSummaryOut | None
    replayed: bool


class ResendIn(Body):
    email: Annotated[
        str,
        msgspec.Meta(
            max_length=254,
            description=(
                "empty: where it went last; another address is kept beside the recipient's own (resent_to) "
                "and audited. Before scheduled_at nothing is sent early: GiftHub's own delivery sends to the "
                "new address at the moment; Giftery's is refused (/problems/delivery-scheduled, with the moment)"
            ),
        ),
    ] = ""


class ArchiveIn(Body):
    email: Annotated[str, msgspec.Meta(max_length=254)]


class ArchiveOut(msgspec.Struct, frozen=True):
    certificates: int
