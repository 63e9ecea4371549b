"""Email as the domain sees it: what was rendered and what became of each delivery."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class DeliveryStatus(StrEnum):
    SENT = "sent"
    REFUSED = "refused"  # the server refused the recipient or the message for good; kept, not retried


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str  # e.g. "application/zip"
    content: bytes


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class OutgoingEmail:
    to: str
    subject: str
    text: str
    html: str
    message_id: str  # becomes the Message-ID header, so a receiver can spot a duplicate too
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class EmailDelivery:
    dedup_key: str
    recipient: str
    template: str
    subject: str
    status: DeliveryStatus
    recorded_at: datetime
    reason: str | None = None
