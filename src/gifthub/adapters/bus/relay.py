"""The outbox relay: publish unpublished outbox rows in order, then mark them published.

Guarantees (see docs/bus.md): at-least-once delivery to the broker, de-duplicated there by the row id
(``Nats-Msg-Id`` inside the stream's duplicate window), so effectively once. Rows leave in
``(occurred_at, id)`` order; ids are time-ordered, so one transaction's events keep their order. On
PostgreSQL each batch is claimed with ``FOR UPDATE SKIP LOCKED``: several relays share the work, and
while one holds a batch the others take the next rows. A failure part-way marks only the confirmed
prefix published; the rest is retried with exponential backoff and never dropped. An idle relay polls
every ``idle_interval`` and is woken at once when a transaction of this process writes outbox rows.
"""

from __future__ import annotations

import asyncio
import logging
from asyncio import FIRST_COMPLETED
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.outbox_signal import wake_on_outbox_commit
from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.application.bus.message import OutgoingMessage
from gifthub.application.ports.message_transport import MessageTransport, TransportUnavailable

log = logging.getLogger(__name__)


class OutboxRelay:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        transport: MessageTransport,
        *,
        batch_size: int = 500,
        idle_interval: float = 0.05,
        max_backoff: float = 5.0,
        wake_on_commit: bool = True,
    ) -> None:
        self._sessions = sessions
        self._transport = transport
        self._batch_size = batch_size
        self._idle_interval = idle_interval
        self._max_backoff = max_backoff
        self._wake_on_commit = wake_on_commit
        self.published = 0
        self._skip_locked = sessions.kw["bind"].dialect.name == "postgresql"

    async def relay_once(self) -> int:
        """Publish one batch; return how many rows left. Raises TransportUnavailable if the broker failed."""
        async with self._sessions() as session:
            if self._skip_locked:
                # The row locks stay held while publishing so no other relay takes the same rows.
                async with session.begin():
                    rows = await self._claim(session)
                    confirmed, failure = await self._publish(rows)
                    await self._mark(session, rows, confirmed)
            else:
                # SQLite has one writer: never hold its write lock across a network call.
                async with session.begin():
                    rows = await self._claim(session)
                confirmed, failure = await self._publish(rows)
                async with session.begin():
                    await self._mark(session, rows, confirmed)
        self.published += confirmed
        if confirmed < len(rows):
            raise failure or TransportUnavailable(f"the broker confirmed {confirmed} of {len(rows)} messages")
        return confirmed

    async def _claim(self, session: AsyncSession) -> list:
        query = (
            select(outbox.c.id, outbox.c.event_name, outbox.c.payload)
            .where(outbox.c.published_at.is_(None))
            .order_by(outbox.c.occurred_at, outbox.c.id)
            .limit(self._batch_size)
        )
        if self._skip_locked:
            query = query.with_for_update(skip_locked=True)
        return list((await session.execute(query)).all())

    async def _publish(self, rows: list) -> tuple[int, Exception | None]:
        if not rows:
            return 0, None
        messages = [
            OutgoingMessage(message_id=str(row.id), event_name=row.event_name, payload=row.payload.encode())
            for row in rows
        ]
        try:
            return await self._transport.publish(messages), None
        except TransportUnavailable as error:
            return 0, error

    async def _mark(self, session: AsyncSession, rows: list, confirmed: int) -> None:
        if confirmed:
            await session.execute(
                update(outbox)
                .where(outbox.c.id.in_([row.id for row in rows[:confirmed]]))
                .values(published_at=datetime.now(UTC))
            )
        if confirmed < len(rows):
            await session.execute(
                update(outbox).where(outbox.c.id == rows[confirmed].id).values(attempts=outbox.c.attempts + 1)
            )

    async def run(self, stop: asyncio.Event) -> None:
        """Relay until ``stop`` is set: drain while there is work, then wait for a commit in this process
        that wrote outbox rows or for the next poll (rows from other processes), back off on failures."""
        wake = asyncio.Event()
        unsubscribe = wake_on_outbox_commit(wake) if self._wake_on_commit else None
        stopping = asyncio.ensure_future(stop.wait())
        backoff = 0.0
        try:
            while not stop.is_set():
                wake.clear()  # before the claim: a commit during this batch wakes the next wait at once
                try:
                    moved = await self.relay_once()
                    backoff = 0.0
                except TransportUnavailable as error:
                    backoff = min(self._max_backoff, backoff * 2 or 0.1)
                    log.warning("outbox relay: broker unavailable (%s); retrying in %.1fs", error, backoff)
                    await asyncio.wait([stopping], timeout=backoff)
                    continue
                except Exception:  # noqa: BLE001 - the relay must outlive a database hiccup
                    backoff = min(self._max_backoff, backoff * 2 or 0.1)
                    log.exception("outbox relay: failed; retrying in %.1fs", backoff)
                    await asyncio.wait([stopping], timeout=backoff)
                    continue
                if moved < self._batch_size and not wake.is_set():
                    woken = asyncio.ensure_future(wake.wait())
                    await asyncio.wait([stopping, woken], timeout=self._idle_interval, return_when=FIRST_COMPLETED)
                    woken.cancel()
        finally:
            stopping.cancel()
            if unsubscribe is not None:
                unsubscribe()
