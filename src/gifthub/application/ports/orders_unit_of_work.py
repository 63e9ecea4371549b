from __future__ import annotations

from typing import Protocol

from gifthub.application.ports.audit_repository import AuditRepository
from gifthub.application.ports.certificate_repository import CertificateRepository
from gifthub.application.ports.order_idempotency_store import OrderIdempotencyStore
from gifthub.application.ports.order_repository import OrderRepository
from gifthub.application.ports.order_upload_repository import OrderUploadRepository
from gifthub.application.ports.person_zones import PersonZones
from gifthub.application.ports.unit_of_work import UnitOfWork


class OrdersUnitOfWork(UnitOfWork, Protocol):
    """The unit of work of the ordering capability: projects and the ledger plus orders, in one transaction."""

    orders: OrderRepository
    certificates: CertificateRepository
    order_keys: OrderIdempotencyStore
    order_uploads: OrderUploadRepository
    zones: PersonZones  # the orderer's profile zone
    audit: AuditRepository  # e.g. a certificate resent to another address
