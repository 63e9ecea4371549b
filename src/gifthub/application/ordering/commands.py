"""Inputs of the ordering use cases: plain values as the edges received them (amounts as text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class RecipientInput:
    name: str = ""
    email: str = ""
    phone: str = ""
    message: str = ""
    channel: str = "email"


@dataclass(frozen=True)
class LineInput:
    product_id: str
    nominal: str  # decimal text, e.g. "1000.00"
    quantity: int = 1
    additional_nominals: tuple[str, ...] = ()
    recipients: tuple[RecipientInput, ...] = ()
    scheduled_at: datetime | None = None


@dataclass(frozen=True)
class Idempotency:
    """The client's Idempotency-Key and a hash of what it asked for under that key."""

    key: str
    request_hash: str


@dataclass(frozen=True)
class DraftInput:
    sender_name: str = ""
    timezone: str | None = None  # None: the orderer's profile zone (an API key: the project region's)
    scheduled_at: datetime | None = None  # aware
    lines: tuple[LineInput, ...] = field(default_factory=tuple)
    delivered_by: str = "giftery"  # giftery | gifthub (GiftHub emails the certificates itself)
    allow_duplicates: bool = False  # the client confirms one person gets the same certificate twice
