"""The relay on both engines: order, batches, failures part-way, and several relays sharing the work."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.bus.relay import OutboxRelay
from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.application.bus.message import OutgoingMessage
from gifthub.application.ports.message_transport import TransportUnavailable
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.events import DomainEvent


@dataclass(frozen=True)
class Numbered(DomainEvent):
    name: ClassVar[str] = "test.numbered"
    number: int


class RecordingTransport:
    """A hand-written fake of the transport port: records what it was given, fails on demand."""

    def __init__(self, *, fail_at: int | None = None, delay: float = 0.0) -> None:
        self.published: list[OutgoingMessage] = []
        self.fail_at = fail_at
        self.delay = delay

    async def publish(self, messages: Sequence[OutgoingMessage]) -> int:
        if self.delay:
            await asyncio.sleep(self.delay)
        for index, message in enumerate(messages):
            if self.fail_at is not None and len(self.published) == self.fail_at:
                self.fail_at = None
                if index == 0:
                    raise TransportUnavailable("broker down")
                return index
            self.published.append(message)
        return len(messages)


async def write_events(container, numbers, per_transaction: int = 10) -> None:
    numbers = list(numbers)
    for start in range(0, len(numbers), per_transaction):
        async with container() as request:
            uow = await request.get(UnitOfWork)
            async with uow:
                for number in numbers[start : start + per_transaction]:
                    uow.record(Numbered(occurred_at=_clock_now(container), number=number))
                await uow.commit()


def _clock_now(container):
    from datetime import UTC, datetime

    return datetime.now(UTC)


def numbers_of(messages: list[OutgoingMessage]) -> list[int]:
    import json

    return [json.loads(m.payload)["number"] for m in messages]


async def test_publishes_in_order_in_batches_and_resumes_after_a_failure_part_way(container) -> None:
    sessions = await container.get(async_sessionmaker[AsyncSession])
    await write_events(container, range(25))
    transport = RecordingTransport(fail_at=12)
    relay = OutboxRelay(sessions, transport, batch_size=10)

    assert await relay.relay_once() == 10
    try:
        await relay.relay_once()
        raise AssertionError("the failure part-way must be reported")
    except TransportUnavailable:
        pass
    assert numbers_of(transport.published) == list(range(12))
    while await relay.relay_once():
        pass
    assert numbers_of(transport.published) == list(range(25))  # nothing lost, nothing twice, in order
    assert [m.subject for m in transport.published[:1]] == ["gifthub.test.numbered"]
    async with sessions() as session:
        pending = select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
        assert (await session.execute(pending)).scalar_one() == 0
        attempts = select(func.max(outbox.c.attempts))
        assert (await session.execute(attempts)).scalar_one() == 1  # the row that failed is counted


async def test_several_relays_share_the_outbox_without_publishing_a_row_twice(container) -> None:
    sessions = await container.get(async_sessionmaker[AsyncSession])
    await write_events(container, range(300), per_transaction=50)
    on_postgres = sessions.kw["bind"].dialect.name == "postgresql"
    # SQLite is the single-node setup: one relay (a second one there could publish a row twice,
    # which the broker's message-id de-duplication then absorbs).
    transports = [RecordingTransport(delay=0.01) for _ in range(3 if on_postgres else 1)]
    relays = [OutboxRelay(sessions, t, batch_size=20) for t in transports]
    stop = asyncio.Event()
    tasks = [asyncio.create_task(r.run(stop)) for r in relays]

    async def drained() -> bool:
        async with sessions() as session:
            pending = select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
            return (await session.execute(pending)).scalar_one() == 0

    for _ in range(400):
        if await drained():
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.gather(*tasks)
    everything = sorted(n for t in transports for n in numbers_of(t.published))
    assert everything == list(range(300))
    for transport in transports:  # each relay's own share is in order
        assert numbers_of(transport.published) == sorted(numbers_of(transport.published))
    if on_postgres:
        assert sum(1 for t in transports if t.published) >= 2  # SKIP LOCKED let them work side by side
