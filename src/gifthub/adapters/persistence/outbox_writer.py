"""Turn domain events into outbox rows (JSON payloads) inside the caller's transaction."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal
from enum import Enum
from uuid import UUID

import msgspec
from sqlalchemy import insert

from gifthub.adapters.persistence.ordered_ids import uuid7
from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.domain.events import DomainEvent
from gifthub.domain.money import Money


def _encode(value: object) -> object:
    if isinstance(value, Money):
        return {"amount": value.to_string(), "currency": value.currency.value}
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot encode {type(value).__name__}")


_encoder = msgspec.json.Encoder(enc_hook=_encode)


def _money_as_text(value: object) -> object:
    return _encode(value) if isinstance(value, Money) else value


def event_payload(event: DomainEvent) -> bytes:
    # Money is a dataclass msgspec would encode natively (minor units): make it a decimal string first.
    body = {f.name: _money_as_text(getattr(event, f.name)) for f in dataclasses.fields(event)}
    body["event"] = event.name
    return _encoder.encode(body)


def outbox_rows(events: list[DomainEvent]) -> list[dict]:
    return [
        {
            "id": uuid7(),  # time-ordered: the relay publishes in this order
            "event_name": event.name,
            "payload": event_payload(event).decode(),
            "occurred_at": event.occurred_at,
            "published_at": None,
            "attempts": 0,
        }
        for event in events
    ]


async def write_outbox(session, events: list[DomainEvent]) -> None:
    if events:
        await session.execute(insert(outbox), outbox_rows(events))
