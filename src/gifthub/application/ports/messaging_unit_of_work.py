from __future__ import annotations

from typing import Protocol

from gifthub.application.ports.email_delivery_log import EmailDeliveryLog
from gifthub.application.ports.low_balance_repository import LowBalanceRepository
from gifthub.application.ports.notification_repository import NotificationRepository
from gifthub.application.ports.unit_of_work import UnitOfWork


class MessagingUnitOfWork(UnitOfWork, Protocol):
    """The unit of work with the messaging capability's repositories."""

    email_deliveries: EmailDeliveryLog
    notifications: NotificationRepository
    low_balance: LowBalanceRepository

    async def __aenter__(self) -> MessagingUnitOfWork: ...
