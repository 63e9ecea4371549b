"""The consumers' inbox: which message ids each consumer has processed."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.tables_bus import inbox


async def insert_inbox_row(session: AsyncSession, consumer: str, message_id: str) -> None:
    await session.execute(
        insert(inbox).values(consumer=consumer, message_id=message_id, processed_at=datetime.now(UTC))
    )


class Inbox:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def seen(self, consumer: str, message_id: str) -> bool:
        async with self._sessions() as session:
            query = select(inbox.c.message_id).where(inbox.c.consumer == consumer, inbox.c.message_id == message_id)
            return (await session.execute(query)).first() is not None

    async def record(self, consumer: str, message_id: str) -> None:
        """For a handler that committed nothing itself; a duplicate row means another copy won: fine."""
        async with self._sessions() as session:
            try:
                async with session.begin():
                    await insert_inbox_row(session, consumer, message_id)
            except IntegrityError:
                pass

    async def count(self, consumer: str) -> int:
        async with self._sessions() as session:
            query = select(inbox.c.message_id).where(inbox.c.consumer == consumer)
            return len((await session.execute(query)).all())
