"""The unit of work of the messaging capability: the core one plus the email log and the inbox.

In a bus consumer the dispatcher fills the request's ``InboxClaim``; the first commit then writes the
inbox row in the same transaction as the handler's effects, so a redelivered message finds it and
changes nothing. Outside a consumer (HTTP, CLI) the claim is empty and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.bus.inbox import insert_inbox_row
from gifthub.adapters.persistence.repositories.email_deliveries import SqlEmailDeliveryLog
from gifthub.adapters.persistence.repositories.low_balance import SqlLowBalanceRepository
from gifthub.adapters.persistence.repositories.notifications import SqlNotificationRepository
from gifthub.adapters.persistence.unit_of_work import SqlAlchemyUnitOfWork


@dataclass
class InboxClaim:
    """Per message (request scope): which consumer processes which message, and whether it is recorded."""

    consumer: str | None = None
    message_id: str | None = None
    recorded: bool = False

    def claim(self, consumer: str, message_id: str) -> None:
        self.consumer, self.message_id, self.recorded = consumer, message_id, False

    @property
    def pending(self) -> bool:
        return self.message_id is not None and not self.recorded


class SqlMessagingUnitOfWork(SqlAlchemyUnitOfWork):
    def __init__(self, sessions: async_sessionmaker[AsyncSession], claim: InboxClaim) -> None:
        super().__init__(sessions)
        self._claim = claim

    async def __aenter__(self) -> SqlMessagingUnitOfWork:
        await super().__aenter__()
        self.email_deliveries = SqlEmailDeliveryLog(self.session)
        self.notifications = SqlNotificationRepository(self.session)
        self.low_balance = SqlLowBalanceRepository(self.session)
        return self

    async def commit(self) -> None:
        await self.email_deliveries.flush()
        await self.notifications.flush()
        claim = self._claim
        if claim.pending:
            await insert_inbox_row(self.session, claim.consumer, claim.message_id)
        await super().commit()
        if claim.pending:
            claim.recorded = True
