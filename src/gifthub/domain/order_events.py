"""Facts about orders and certificates; the unit of work puts them in the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar
from uuid import UUID

from gifthub.domain.events import DomainEvent


@dataclass(frozen=True)
class RegistryLine:
    """One line of the certificate registry ("реестр сертификатов") an invoice is issued for."""

    product_id: str
    product_name: str
    nominal: str  # decimal strings: amounts travel as text
    unit_price: str
    quantity: int
    amount: str


@dataclass(frozen=True)
class OrderCreated(DomainEvent):
    name: ClassVar[str] = "order.created"
    order_id: UUID
    project_id: UUID


@dataclass(frozen=True)
class OrderAwaitingPayment(DomainEvent):
    """Available funds do not cover the order: billing issues an invoice for this registry."""

    name: ClassVar[str] = "order.awaiting_payment"
    order_id: UUID
    project_id: UUID
    cabinet_id: UUID
    currency: str
    total: str
    shortfall: str
    registry: tuple[RegistryLine, ...]


@dataclass(frozen=True)
class OrderQueued(DomainEvent):
    name: ClassVar[str] = "order.queued"
    order_id: UUID
    project_id: UUID
    hold_id: UUID
    total: str
    currency: str
    certificates: int


@dataclass(frozen=True)
class OrderCancelled(DomainEvent):
    name: ClassVar[str] = "order.cancelled"
    order_id: UUID
    project_id: UUID


@dataclass(frozen=True)
class OrderFinished(DomainEvent):
    name: ClassVar[str] = "order.finished"
    order_id: UUID
    project_id: UUID
    status: str  # completed | partially_completed | failed
    delivered: int
    failed: int


@dataclass(frozen=True)
class CertificateFailed(DomainEvent):
    name: ClassVar[str] = "order.certificate_failed"
    order_id: UUID
    certificate_id: UUID
    reason: str


@dataclass(frozen=True)
class CertificateResent(DomainEvent):
    """Audit of a resend: who asked, where it went before and where it goes now."""

    name: ClassVar[str] = "order.certificate_resent"
    order_id: UUID
    certificate_id: UUID
    requested_by: str
    previous_address: str
    address: str
