"""Turn domain events into outbox rows (JSON payloads) inside the caller's transaction."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from uuid import UUID

import msgspec
from sqlalchemy import insert

from gifthub.adapters.onec.messages import onec_document
from gifthub.adapters.persistence.ordered_ids import uuid7
from gifthub.adapters.persistence.outbox_signal import note_outbox_written
from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.domain.events import DomainEvent
from gifthub.domain.money import Money

_AS_IS = frozenset({str, int, float, bool})


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    # dataclasses.fields() is slow enough to show when a statement writes 20,000 events
    return tuple(f.name for f in dataclasses.fields(kind))


def _money(value: Money) -> dict:
    return {"amount": value.to_string(), "currency": value.currency.value}


_BY_TYPE = {Money: _money, UUID: str, datetime: datetime.isoformat, Decimal: str}


def plain(value: object) -> object:
    """JSON-ready builtins. Money becomes {"amount": "1500.00", "currency": "RUB"} wherever it is nested
    (msgspec alone would encode the dataclass as minor units)."""
    if value is None or type(value) in _AS_IS:  # most event fields: skip the checks below
        return value
    exact = _BY_TYPE.get(type(value))
    if exact is not None:  # the next most common: one dict look-up instead of the isinstance chain
        return exact(value)
    if isinstance(value, Money):
        return _money(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        body = {}
        for name in _field_names(type(value)):
            field = getattr(value, name)
            body[name] = field if field is None or type(field) in _AS_IS else plain(field)
        return body
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


_encoder = msgspec.json.Encoder()


def event_body(event: DomainEvent) -> dict:
    body = plain(event)
    assert isinstance(body, dict)
    body["event"] = event.name
    return body


def event_payload(event: DomainEvent) -> bytes:
    return _encoder.encode(event_body(event))


def _row(event_name: str, body: dict, occurred_at: datetime) -> dict:
    return {
        "id": uuid7(),  # time-ordered: the relay publishes in this order
        "event_name": event_name,
        "payload": _encoder.encode(body).decode(),
        "occurred_at": occurred_at,
        "published_at": None,
        "attempts": 0,
    }


def outbox_rows(events: list[DomainEvent]) -> list[dict]:
    """One row per event; a billing event 1C keeps books by is followed by its 1C document's row."""
    rows = []
    for event in events:
        body = event_body(event)
        rows.append(_row(event.name, body, event.occurred_at))
        document = onec_document(event.name, body)
        if document is not None:
            rows.append(_row(document["event"], document, event.occurred_at))
    return rows


async def write_outbox(session, events: list[DomainEvent]) -> None:
    if events:
        await insert_outbox_rows(session, outbox_rows(events))


async def insert_outbox_rows(session, rows: list[dict]) -> None:
    """Insert ready rows; the transaction's commit wakes this process's relays (outbox_signal)."""
    await session.execute(insert(outbox), rows)
    note_outbox_written(session)
