"""A message as consumers see it, whatever carried it (NATS JetStream or the in-process bus)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SUBJECT_PREFIX = "gifthub."
DEAD_LETTER_PREFIX = "gifthub.dead."


def subject_for(event_name: str) -> str:
    """``ledger.entry_posted`` travels on ``gifthub.ledger.entry_posted``."""
    return SUBJECT_PREFIX + event_name


def dead_letter_subject(subject: str) -> str:
    return DEAD_LETTER_PREFIX + subject


@dataclass(frozen=True)
class OutgoingMessage:
    """One outbox row on its way out; ``message_id`` is the outbox id (the de-duplication key)."""

    message_id: str
    event_name: str
    payload: bytes  # JSON
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def subject(self) -> str:
        return subject_for(self.event_name)


@dataclass(frozen=True)
class InboundMessage:
    """A decoded message handed to a handler. ``body`` is the JSON object; ``attempt`` counts deliveries."""

    message_id: str
    subject: str
    body: dict[str, Any]
    attempt: int = 1

    @property
    def event_name(self) -> str:
        return self.subject.removeprefix(SUBJECT_PREFIX)
