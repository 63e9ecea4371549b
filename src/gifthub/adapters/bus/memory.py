"""The in-process bus of ``make run``: the relay hands each message straight to its consumers.

A message counts as published only once every consumer of its subject has processed it (or
dead-lettered it), so a crash loses nothing: the outbox row is still unpublished and is handed over
again, and the inbox makes the second time harmless. A consumer asking for a retry stops the batch
there; the relay backs off and tries again later, keeping the order.
"""

from __future__ import annotations

import logging
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from gifthub.application.bus.message import OutgoingMessage, dead_letter_subject

log = logging.getLogger(__name__)

# (subject, message id, raw payload, delivery attempt) -> True when done, False to retry later
Subscriber = Callable[[str, str, bytes, int], Awaitable[bool]]


@dataclass(frozen=True)
class DeadLetter:
    subject: str
    message_id: str
    raw: bytes
    reason: str


class InMemoryBus:
    def __init__(self) -> None:
        self._subscribers: dict[str, list[Subscriber]] = defaultdict(list)
        self._attempts: dict[str, int] = defaultdict(int)
        self.dead_letters: deque[DeadLetter] = deque(maxlen=1000)

    def subscribe(self, subject: str, subscriber: Subscriber) -> None:
        self._subscribers[subject].append(subscriber)

    async def publish(self, messages: Sequence[OutgoingMessage]) -> int:
        for index, message in enumerate(messages):
            self._attempts[message.message_id] += 1
            attempt = self._attempts[message.message_id]
            for subscriber in self._subscribers.get(message.subject, ()):
                if not await subscriber(message.subject, message.message_id, message.payload, attempt):
                    return index
            self._attempts.pop(message.message_id, None)
        return len(messages)


class InMemoryDeadLetters:
    def __init__(self, bus: InMemoryBus) -> None:
        self._bus = bus

    async def publish(self, subject: str, message_id: str, raw: bytes, reason: str) -> None:
        self._bus.dead_letters.append(DeadLetter(dead_letter_subject(subject), message_id, raw, reason))
