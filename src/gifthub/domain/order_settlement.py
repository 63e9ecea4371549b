"""Money of an order: capture exactly what was bought, release the rest when the order finishes."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from gifthub.domain.certificate import Certificate, CertificateState
from gifthub.domain.errors import ProjectFrozen
from gifthub.domain.hold import Hold, HoldStatus
from gifthub.domain.ledger import LedgerEntry
from gifthub.domain.order import Order, OrderStatus
from gifthub.domain.order_errors import IllegalCertificateTransition, IllegalOrderTransition
from gifthub.domain.project import Project, ProjectStatus
from gifthub.domain.reference import Reference, ReferenceKind


def capture_reference(certificate: Certificate) -> Reference:
    """One capture per purchase, platform-wide: the ledger's unique key makes a second one impossible."""
    return Reference(ReferenceKind.CERTIFICATE, f"cert:{certificate.purchase_key}")


def order_reference(order_id: UUID) -> Reference:
    return Reference(ReferenceKind.ORDER, f"order:{order_id}")


def release_reference(hold: Hold) -> Reference:
    return Reference(ReferenceKind.ORDER, f"release:{hold.id}")


def retry_reference(certificate: Certificate) -> Reference:
    return Reference(ReferenceKind.CERTIFICATE, f"retry:{certificate.purchase_key}")


def capture_certificate(
    project: Project, hold: Hold, certificate: Certificate, entry_id: UUID, at: datetime
) -> LedgerEntry:
    if certificate.state is not CertificateState.ISSUED or certificate.captured:
        raise IllegalCertificateTransition(f"certificate {certificate.id} is not bought or is already paid for")
    entry = project.capture(hold, entry_id, certificate.price, capture_reference(certificate), at)
    certificate.mark_captured()
    return entry


def release_rest(project: Project, hold: Hold, entry_id: UUID, at: datetime) -> LedgerEntry | None:
    """What the order did not spend goes back to ``available``."""
    if hold.status is HoldStatus.CLOSED:
        return None
    return project.release(hold, entry_id, None, release_reference(hold), at)


def submit_order(
    order: Order, project: Project, hold_id: UUID, entry_id: UUID, at: datetime
) -> tuple[Hold, LedgerEntry] | None:
    """ "К оплате": hold the total within the project's limit and queue the order, or, when the funds
    do not cover it, leave it awaiting payment (billing invoices its registry). Checks come first, so
    a refused submit never leaves a hold behind."""
    order.ensure_submittable(at)
    if project.id != order.project_id:
        raise ValueError("order belongs to another project")
    if project.status is ProjectStatus.FROZEN:
        raise ProjectFrozen(f"project {project.b2b_code} is frozen: new orders are not allowed")
    if order.total > project.available:
        order.await_payment(project.available, at)
        return None
    return queue_paid(order, project, hold_id, entry_id, at)


def queue_paid(order: Order, project: Project, hold_id: UUID, entry_id: UUID, at: datetime) -> tuple[Hold, LedgerEntry]:
    """Place the hold and queue the order, from a draft or once funds arrive for an awaiting one."""
    if order.status not in (OrderStatus.DRAFT, OrderStatus.AWAITING_PAYMENT):
        raise IllegalOrderTransition(f"order is {order.status}: it cannot be queued")
    hold, entry = project.place_hold(hold_id, entry_id, order.total, order_reference(order.id), at)
    order.queue(hold.id, at)
    return hold, entry
