"""The unit of work of the notification centre: messaging's (notifications, inbox row) plus the readers
a fan-out needs, all on the one session so a fan-out is one transaction."""

from __future__ import annotations

from gifthub.adapters.bus.unit_of_work import SqlMessagingUnitOfWork
from gifthub.adapters.persistence.repositories.billing_invoices import SqlInvoiceRepository
from gifthub.adapters.persistence.repositories.notification_audience import SqlNotificationAudience
from gifthub.adapters.persistence.repositories.notification_preferences import SqlNotificationPreferenceRepository
from gifthub.adapters.persistence.repositories.order_digests import SqlOrderDigests


class SqlNotificationsUnitOfWork(SqlMessagingUnitOfWork):
    async def __aenter__(self) -> SqlNotificationsUnitOfWork:
        await super().__aenter__()
        self.audience = SqlNotificationAudience(self.session)
        self.preferences = SqlNotificationPreferenceRepository(self.session)
        self.order_digests = SqlOrderDigests(self.session)
        self.invoices = SqlInvoiceRepository(self.session)
        return self
