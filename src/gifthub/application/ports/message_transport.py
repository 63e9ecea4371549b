from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from gifthub.application.bus.message import OutgoingMessage


class TransportUnavailable(Exception):
    """The broker did not confirm a publish (down, timed out); the outbox keeps the rows for later."""


class MessageTransport(Protocol):
    """Where the outbox relay hands messages: NATS JetStream, or the in-process bus of ``make run``."""

    async def publish(self, messages: Sequence[OutgoingMessage]) -> int:
        """Publish in order; return how many leading messages the broker confirmed (all of them
        unless it failed part-way). Confirmed means stored: a message id seen before is a no-op."""
        ...
