"""Publishing to NATS JetStream through FastStream, with the outbox id as ``Nats-Msg-Id``."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from faststream.nats import NatsBroker
from nats.js.api import StreamConfig
from nats.js.errors import BadRequestError

from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.application.bus.message import OutgoingMessage
from gifthub.application.ports.message_transport import TransportUnavailable

STREAM_SUBJECTS = ["gifthub.>"]
DUPLICATE_WINDOW = 600.0  # seconds: a relay retry within 10 minutes is recognised as a duplicate
PIPELINE = 256  # publishes in flight at once; nats-py writes them to the socket in call order


def make_broker(settings: MessagingSettings, **kwargs) -> NatsBroker:
    """Reconnect forever: a NATS outage pauses the relay and the consumers, it never stops them."""
    return NatsBroker(
        settings.nats_url,
        allow_reconnect=True,
        max_reconnect_attempts=-1,
        reconnect_time_wait=1,
        connect_timeout=5,
        **kwargs,
    )


def stream_config(settings: MessagingSettings) -> StreamConfig:
    return StreamConfig(
        name=settings.stream,
        subjects=STREAM_SUBJECTS,
        duplicate_window=DUPLICATE_WINDOW,
        max_age=7 * 24 * 3600.0,
        description="GiftHub domain events (gifthub.<event>) and dead letters (gifthub.dead.<subject>)",
    )


async def ensure_stream(broker: NatsBroker, settings: MessagingSettings) -> None:
    """Create the stream, or bring an existing one to this configuration."""
    js = broker.config.connection_state.stream
    config = stream_config(settings)
    try:
        await js.add_stream(config)
    except BadRequestError:
        await js.update_stream(config)


class NatsTransport:
    def __init__(self, broker: NatsBroker, settings: MessagingSettings, *, timeout: float = 5.0) -> None:
        self._broker = broker
        self._stream = settings.stream
        self._timeout = timeout

    async def publish(self, messages: Sequence[OutgoingMessage]) -> int:
        confirmed = 0
        for start in range(0, len(messages), PIPELINE):
            window = messages[start : start + PIPELINE]
            results = await asyncio.gather(*(self._publish_one(m) for m in window), return_exceptions=True)
            for result in results:
                if isinstance(result, BaseException):
                    # Only the confirmed prefix counts; the rest is retried (and de-duplicated by NATS).
                    if confirmed:
                        return confirmed
                    raise TransportUnavailable(f"{type(result).__name__}: {result}")
                confirmed += 1
        return confirmed

    async def _publish_one(self, message: OutgoingMessage):
        return await self._broker.publish(
            message.payload,
            message.subject,
            headers={"Nats-Msg-Id": message.message_id, "content-type": "application/json", **message.headers},
            stream=self._stream,
            timeout=self._timeout,
        )
