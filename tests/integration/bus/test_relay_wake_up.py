"""An idle relay is woken by a commit of this process that wrote outbox rows; polling remains the fallback."""

from __future__ import annotations

import asyncio
import json

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.bus.relay import OutboxRelay
from gifthub.adapters.persistence.ordered_ids import uuid7
from gifthub.adapters.persistence.outbox_signal import wake_on_outbox_commit
from gifthub.adapters.persistence.outbox_writer import insert_outbox_rows
from tests.integration.bus.conftest import eventually
from tests.integration.bus.test_outbox_relay import RecordingTransport, numbers_of, write_events

SLOW_POLL = 30.0  # far longer than the test: only the commit signal can explain a prompt publish


async def test_a_commit_wakes_an_idle_relay_that_would_otherwise_wait_for_its_poll(container) -> None:
    sessions = await container.get(async_sessionmaker[AsyncSession])

    polling = RecordingTransport()
    stop = asyncio.Event()
    poll_only = OutboxRelay(sessions, polling, idle_interval=SLOW_POLL, wake_on_commit=False)
    task = asyncio.create_task(poll_only.run(stop))
    await asyncio.sleep(0.2)  # its first (empty) poll is done: it waits now
    await write_events(container, range(3))
    await asyncio.sleep(0.5)
    assert polling.published == [], "without the signal the rows wait for the next poll"
    stop.set()
    await task

    woken = RecordingTransport()
    stop = asyncio.Event()
    relay = OutboxRelay(sessions, woken, idle_interval=SLOW_POLL)
    task = asyncio.create_task(relay.run(stop))
    try:
        await eventually(lambda: _published(woken, 3), within=5, what="the rows found by the first poll")
        await asyncio.sleep(0.2)  # idle again, its next poll 30 s away
        await write_events(container, range(3, 6))
        await eventually(lambda: _published(woken, 6), within=3, what="the rows of the commit that woke it")
    finally:
        stop.set()
        await task
    assert numbers_of(woken.published) == list(range(6))


async def test_the_signal_fires_on_commit_only_and_forgets_a_rolled_back_write(container) -> None:
    sessions = await container.get(async_sessionmaker[AsyncSession])
    wake = asyncio.Event()
    unsubscribe = wake_on_outbox_commit(wake)
    try:
        async with sessions() as session:
            await session.begin()
            await insert_outbox_rows(session, [_row(1)])
            assert not wake.is_set(), "not before the rows are visible to the relay"
            await session.rollback()
            assert not wake.is_set(), "rolled back: nothing to publish"
            await session.begin()
            await session.execute(text("SELECT 1"))
            await session.commit()
            assert not wake.is_set(), "a later commit without outbox rows wakes nobody"
            await session.begin()
            await insert_outbox_rows(session, [_row(2)])
            await session.commit()
            assert wake.is_set()
    finally:
        unsubscribe()
    wake.clear()
    async with sessions() as session, session.begin():
        await insert_outbox_rows(session, [_row(3)])
    assert not wake.is_set(), "unsubscribed"


def _row(number: int) -> dict:
    from datetime import UTC, datetime

    return {
        "id": uuid7(),
        "event_name": "test.numbered",
        "payload": json.dumps({"event": "test.numbered", "number": number}),
        "occurred_at": datetime.now(UTC),
        "published_at": None,
        "attempts": 0,
    }


async def _published(transport: RecordingTransport, count: int) -> bool:
    return len(transport.published) >= count
