"""Facts of the email capability other capabilities react to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from gifthub.domain.events import DomainEvent


@dataclass(frozen=True)
class EmailRefused(DomainEvent):
    """The recipient's server refused an email for good (it is not retried). ``dedup_key`` is the key the
    producer requested it with, so the producer can find what the email was about."""

    name: ClassVar[str] = "email.refused"
    dedup_key: str
    recipient: str
    template: str
    reason: str
