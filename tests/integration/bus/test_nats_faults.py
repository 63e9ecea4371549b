"""Against a real nats-server with JetStream: outages and consumer restarts lose nothing, double nothing."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import ClassVar

import pytest
from sqlalchemy import func, select

from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.application.bus.handlers import HandlerRegistry
from gifthub.application.bus.message import InboundMessage
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.events import DomainEvent
from gifthub.entrypoints.bus.runtime import BusRuntime
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.integration.bus.conftest import MessagingOverride, eventually

pytestmark = pytest.mark.timeout(120)


@dataclass(frozen=True)
class Ping(DomainEvent):
    name: ClassVar[str] = "test.ping"
    number: int


@dataclass(frozen=True)
class Effect(DomainEvent):
    """The handler's effect: a row in the same transaction as its inbox row."""

    name: ClassVar[str] = "test.effect"
    source: str
    number: int


def effect_registry(*, crash_after_commit: set[int] = frozenset(), delay: float = 0.0) -> HandlerRegistry:
    crashed: set[int] = set()

    async def record_effect(message: InboundMessage, resolve) -> None:
        """Test consumer: records one effect per ping."""
        number = message.body["number"]
        if delay:
            await asyncio.sleep(delay)
        uow = await resolve.get(UnitOfWork)
        async with uow:
            uow.record(Effect(occurred_at=_now(), source=message.message_id, number=number))
            await uow.commit()
        if number in crash_after_commit and number not in crashed:
            crashed.add(number)  # committed, then "crashed" before the ack: JetStream redelivers
            raise RuntimeError("simulated crash after commit")

    registry = HandlerRegistry()
    registry.register("test.ping", record_effect)
    return registry


async def publish_pings(container, numbers) -> None:
    for number in numbers:
        async with container() as request:
            uow = await request.get(UnitOfWork)
            async with uow:
                uow.record(Ping(occurred_at=_now(), number=number))
                await uow.commit()


async def effects(container) -> list[int]:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    sessions = await container.get(async_sessionmaker[AsyncSession])
    async with sessions() as session:
        rows = (await session.execute(select(outbox.c.payload).where(outbox.c.event_name == "test.effect"))).all()
    import json

    return sorted(json.loads(row.payload)["number"] for row in rows)


async def unpublished(container) -> int:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    sessions = await container.get(async_sessionmaker[AsyncSession])
    async with sessions() as session:
        query = select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
        return (await session.execute(query)).scalar_one()


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


@pytest.fixture
def database_url(tmp_path) -> str:
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


async def test_nats_outage_mid_stream_every_event_processed_exactly_once(
    settings, clock, messaging, nats_server
) -> None:
    container = make_container(settings, clock_provider(clock), MessagingOverride(messaging))
    runtime = BusRuntime(container, registry=effect_registry(crash_after_commit={5, 77}))
    await runtime.start()
    try:
        await publish_pings(container, range(100))
        await eventually(lambda: _at_least(container, 30), what="the first effects")

        nats_server.stop()  # mid-stream: the relay keeps rows, consumers wait
        await publish_pings(container, range(100, 200))
        await asyncio.sleep(1.5)
        assert await unpublished(container) > 0, "with NATS down the outbox keeps the events"

        nats_server.start()  # same port, same JetStream store
        await eventually(lambda: _at_least(container, 200), within=40, what="all 200 effects")
        await asyncio.sleep(2.5)  # past ack_wait: any redelivery would have shown by now
        assert await effects(container) == list(range(200))
        await eventually(lambda: _none_unpublished(container), what="an empty outbox")
    finally:
        await runtime.stop()
        await container.close()


async def test_consumer_restarted_mid_batch_has_no_double_effects(settings, clock, messaging) -> None:
    container = make_container(settings, clock_provider(clock), MessagingOverride(messaging))
    relay = BusRuntime(container, registry=HandlerRegistry(), consumers=False)
    await relay.start()
    first = BusRuntime(container, registry=effect_registry(delay=0.01), relay=False)
    await first.start()
    try:
        await publish_pings(container, range(150))
        await eventually(lambda: _at_least(container, 20), what="the first consumer's effects")
        await first.stop()  # mid-batch: pulled but unacked messages are redelivered after ack_wait
        done_by_first = len(await effects(container))
        assert done_by_first < 150

        second = BusRuntime(container, registry=effect_registry(), relay=False)
        await second.start()
        try:
            await eventually(lambda: _at_least(container, 150), within=40, what="all 150 effects")
            await asyncio.sleep(2.5)
            assert await effects(container) == list(range(150))
        finally:
            await second.stop()
    finally:
        await relay.stop()
        await container.close()


async def _none_unpublished(container) -> bool:
    return await unpublished(container) == 0


async def _at_least(container, count: int) -> bool:
    return len(await effects(container)) >= count
