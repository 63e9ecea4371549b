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
    """Pipelined JetStream publishes on the FastStream broker's connection.

    ``broker.publish`` awaits each ack in turn (~2,500/s here); nats-py's ``publish_async`` on the same
    connection keeps up to ``PIPELINE`` publishes in flight and writes them in call order, so the
    stream stores them in outbox order. Only the confirmed prefix counts: whatever follows a failure
    is published again later and the stream drops the copies by ``Nats-Msg-Id``.
    """

    def __init__(self, broker: NatsBroker, settings: MessagingSettings, *, timeout: float = 5.0) -> None:
        self._broker = broker
        self._stream = settings.stream
        self._timeout = timeout

    async def publish(self, messages: Sequence[OutgoingMessage]) -> int:
        futures: list[asyncio.Future] = []
        reason = "no acknowledgement in time"
        try:
            js = self._broker.config.connection_state.stream
            for message in messages:
                headers = {"Nats-Msg-Id": message.message_id, "content-type": "application/json", **message.headers}
                futures.append(
                    await js.publish_async(
                        message.subject, message.payload, stream=self._stream, headers=headers, wait_stall=self._timeout
                    )
                )
        except Exception as error:  # noqa: BLE001 - disconnected, stalled: publish what went out, retry the rest
            reason = f"{type(error).__name__}: {error}"
        if futures:
            await asyncio.wait(futures, timeout=self._timeout)
        confirmed = 0
        for future in futures:
            if not future.done() or future.cancelled() or future.exception() is not None:
                if future.done() and not future.cancelled():
                    reason = f"{type(future.exception()).__name__}: {future.exception()}"
                break
            confirmed += 1
        for future in futures[confirmed:]:
            future.cancel()
        if not confirmed and messages:
            raise TransportUnavailable(reason)
        return confirmed
