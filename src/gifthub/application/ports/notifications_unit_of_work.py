from __future__ import annotations

from typing import Protocol

from gifthub.application.ports.invoice_repository import InvoiceRepository
from gifthub.application.ports.messaging_unit_of_work import MessagingUnitOfWork
from gifthub.application.ports.notification_audience import NotificationAudience
from gifthub.application.ports.notification_preference_repository import NotificationPreferenceRepository
from gifthub.application.ports.order_digests import OrderDigests


class NotificationsUnitOfWork(MessagingUnitOfWork, Protocol):
    """Messaging's unit of work plus who to tell, how they want it, and what invoices and orders say:
    a fan-out reads and writes in one transaction (with the consumer's inbox row)."""

    audience: NotificationAudience
    preferences: NotificationPreferenceRepository
    order_digests: OrderDigests
    invoices: InvoiceRepository

    async def __aenter__(self) -> NotificationsUnitOfWork: ...
