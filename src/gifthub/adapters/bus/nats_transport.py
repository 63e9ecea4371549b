"""Publishing to NATS JetStream through FastStream, with the outbox id as ``Nats-Msg-Id``."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence

from faststream.nats import NatsBroker
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js.api import StreamConfig
from nats.js.errors import BadRequestError

from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.application.bus.message import OutgoingMessage
from gifthub.application.ports.message_transport import TransportUnavailable

log = logging.getLogger(__name__)

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

    A batch is written to the connection before any acknowledgement is awaited: nats-py sends it in a
    few socket writes, the server stores it in call (= outbox) order, and the acks come back on one reply
    subscription of this transport. (nats-py's ``publish_async`` with a stall timeout yields to the
    event loop per message, so each one left in its own write: about half the relay's time in the
    profile.) Only the confirmed prefix counts: whatever follows a failure is published again later
    and the stream drops the copies by ``Nats-Msg-Id``.
    """

    def __init__(self, broker: NatsBroker, settings: MessagingSettings, *, timeout: float = 5.0) -> None:
        self._broker = broker
        self._stream = settings.stream
        self._timeout = timeout
        self._client: Client | None = None
        self._reply_prefix = ""
        self._acks: dict[str, asyncio.Future] = {}
        self._sequence = 0

    async def publish(self, messages: Sequence[OutgoingMessage]) -> int:
        futures: list[asyncio.Future] = []
        tokens: list[str] = []
        reason = "no acknowledgement in time"
        loop = asyncio.get_running_loop()
        try:
            client = await self._connection()
            for message in messages:
                self._sequence += 1
                token = str(self._sequence)
                future = loop.create_future()
                self._acks[token] = future
                headers = {
                    "Nats-Msg-Id": message.message_id,
                    "Nats-Expected-Stream": self._stream,
                    "content-type": "application/json",
                    **message.headers,
                }
                try:  # buffered by nats-py; no await below yields until the whole batch is queued
                    await client.publish(
                        message.subject, message.payload, reply=self._reply_prefix + token, headers=headers
                    )
                except BaseException:
                    del self._acks[token]
                    raise
                futures.append(future)
                tokens.append(token)
        except Exception as error:  # noqa: BLE001 - disconnected, refused: publish what went out, retry the rest
            reason = f"{type(error).__name__}: {error}"
        if futures:
            await asyncio.wait(futures, timeout=self._timeout)
        confirmed = 0
        for future in futures:
            if not future.done() or future.exception() is not None:
                if future.done():
                    reason = str(future.exception())
                break
            confirmed += 1
        for token, future in zip(tokens[confirmed:], futures[confirmed:], strict=True):
            self._acks.pop(token, None)
            future.cancel()
        if not confirmed and messages:
            raise TransportUnavailable(reason)
        if confirmed < len(messages):
            log.warning("JetStream confirmed %d of %d messages: %s", confirmed, len(messages), reason)
        return confirmed

    async def _connection(self) -> Client:
        client = self._broker.config.connection_state.connection
        if not client.is_connected:  # reconnecting: fail fast, the relay backs off and keeps the rows
            raise TransportUnavailable("not connected to NATS")
        if client is not self._client:  # first use, or the broker connected anew
            prefix = client.new_inbox() + "."
            await client.subscribe(prefix + "*", cb=self._on_ack)
            self._client, self._reply_prefix = client, prefix
        return client

    async def _on_ack(self, reply: Msg) -> None:
        future = self._acks.pop(reply.subject.rpartition(".")[2], None)
        if future is None or future.done():
            return  # a late ack of a batch already given up: the row is published again, the copy dropped
        if reply.headers and reply.headers.get("Status") == "503":
            future.set_exception(TransportUnavailable(f"no stream for the subject (stream {self._stream} missing?)"))
            return
        error = None
        if b'"error"' in reply.data or not reply.data.startswith(b"{"):  # a plain ack needs no parsing
            try:
                error = json.loads(reply.data).get("error")
            except (ValueError, AttributeError):
                error = {"description": f"unreadable acknowledgement {reply.data[:80]!r}"}
        if error:
            future.set_exception(TransportUnavailable(f"JetStream refused: {error.get('description', error)}"))
        else:
            future.set_result(None)
