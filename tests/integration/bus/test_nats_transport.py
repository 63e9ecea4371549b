"""The relay's pipelined JetStream publishes against a real nats-server: a batch refused part-way."""

from __future__ import annotations

import json
import logging

import nats
import pytest
from nats.js.api import DiscardPolicy, StreamConfig
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.bus.nats_transport import STREAM_SUBJECTS, NatsTransport, make_broker
from gifthub.adapters.bus.relay import OutboxRelay
from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.application.ports.message_transport import TransportUnavailable
from tests.integration.bus.test_outbox_relay import write_events

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def database_url(tmp_path) -> str:
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


async def test_a_batch_refused_part_way_keeps_the_rest_in_the_outbox_until_acknowledged(
    container, messaging, nats_server, caplog
) -> None:
    sessions = await container.get(async_sessionmaker[AsyncSession])
    connection = await nats.connect(nats_server.url)
    js = connection.jetstream()
    # The stream refuses new messages beyond 4: the 5th publish of the batch gets an error ack.
    config = StreamConfig(
        name=messaging.stream, subjects=STREAM_SUBJECTS, max_msgs=4, discard=DiscardPolicy.NEW, duplicate_window=600
    )
    await js.add_stream(config)
    broker = make_broker(messaging)
    await broker.connect()
    try:
        await write_events(container, range(10))
        relay = OutboxRelay(sessions, NatsTransport(broker, messaging), batch_size=10)

        with caplog.at_level(logging.WARNING), pytest.raises(TransportUnavailable, match="confirmed 4 of 10"):
            await relay.relay_once()
        assert "maximum messages" in caplog.text  # the stream's own reason reaches the log
        assert await _pending(sessions) == 6, "only the acknowledged prefix is marked published"
        assert await _attempts(sessions) == 1

        config.max_msgs = -1
        await js.update_stream(config)
        assert await relay.relay_once() == 6
        assert await _pending(sessions) == 0

        stored = [json.loads((await js.get_msg(messaging.stream, seq)).data)["number"] for seq in range(1, 11)]
        assert stored == list(range(10))  # each once, in outbox order

        # A relay that crashed before marking publishes again: the stream drops the copies by message id.
        replay = await _messages(sessions)
        assert await NatsTransport(broker, messaging).publish(replay) == 10
        assert (await js.stream_info(messaging.stream)).state.messages == 10
    finally:
        await broker.stop()
        await connection.close()


async def _pending(sessions) -> int:
    async with sessions() as session:
        query = select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
        return (await session.execute(query)).scalar_one()


async def _attempts(sessions) -> int:
    async with sessions() as session:
        return (await session.execute(select(func.max(outbox.c.attempts)))).scalar_one()


async def _messages(sessions):
    from gifthub.application.bus.message import OutgoingMessage

    async with sessions() as session:
        rows = (await session.execute(select(outbox).order_by(outbox.c.occurred_at, outbox.c.id))).all()
    return [OutgoingMessage(str(row.id), row.event_name, row.payload.encode()) for row in rows]
