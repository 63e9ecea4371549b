"""Payload schemas of the subjects, for the AsyncAPI document (``gifthub asyncapi``).

These pydantic models document the JSON the outbox writes (adapters/persistence/outbox_writer.py):
every payload carries ``event`` (its name) and ``occurred_at``; amounts are decimal strings.
"""

from __future__ import annotations

from faststream.nats import JStream, NatsBroker
from pydantic import BaseModel, Field

from gifthub.application.bus.message import subject_for


class MoneyPayload(BaseModel):
    amount: str = Field(examples=["1500.00"], description="decimal string, never a float")
    currency: str = Field(examples=["RUB"])


class EventPayload(BaseModel):
    event: str
    occurred_at: str = Field(description="ISO 8601 with offset")


class CabinetCreated(EventPayload):
    cabinet_id: str
    cabinet_name: str


class ProjectCreated(EventPayload):
    project_id: str
    cabinet_id: str
    project_name: str
    region: str
    b2b_code: str


class NegativeLimitChanged(EventPayload):
    project_id: str
    previous: MoneyPayload
    current: MoneyPayload


class LedgerEntryPosted(EventPayload):
    project_id: str
    entry_id: str
    sequence: int
    kind: str = Field(description="top_up, hold, release, capture or adjustment")
    amount: MoneyPayload
    reference: str
    balance_after: MoneyPayload
    held_after: MoneyPayload
    available_after: MoneyPayload


class EmailRequested(EventPayload):
    to: str
    template: str = Field(description="invitation, welcome, password_reset, ... (adapters/email/renderer.py)")
    context: dict[str, str]
    language: str = "ru"
    timezone: str = "Europe/Moscow"
    dedup_key: str = ""


class EmailRefused(EventPayload):
    dedup_key: str = Field(description="the key the email was requested with")
    recipient: str
    template: str
    reason: str = Field(examples=["550 5.1.1 No such user here"])


class OnecStatement(BaseModel):
    filename: str = Field(examples=["kl_to_1c.txt"])
    content_base64: str = Field(description="the raw statement file (1CClientBankExchange), base64")


EVENTS: dict[str, tuple[type[BaseModel], str]] = {
    "cabinet.created": (CabinetCreated, "A cabinet was created."),
    "project.created": (ProjectCreated, "A project (with its B2B code) was created."),
    "project.negative_limit_changed": (NegativeLimitChanged, "A project's negative limit changed."),
    "ledger.entry_posted": (LedgerEntryPosted, "One ledger line was posted to a project."),
    "email.requested": (EmailRequested, "An email to render and send once (dedup_key)."),
    "email.refused": (EmailRefused, "The recipient's server refused an email for good (not retried)."),
    "onec.statement": (OnecStatement, "A bank statement file from 1C, to import (published by 1C)."),
}


def document_events(broker: NatsBroker, stream: JStream) -> None:
    """Register a documented publisher per subject (headers: Nats-Msg-Id = the outbox id)."""
    for name, (schema, description) in EVENTS.items():
        broker.publisher(
            subject_for(name),
            stream=stream,
            schema=schema,
            title=subject_for(name),
            description=description + " Message id (Nats-Msg-Id) = outbox row id; de-duplicated by JetStream.",
        )
    broker.publisher(
        "gifthub.dead.>",
        stream=stream,
        schema=str,
        title="gifthub.dead.<subject>",
        description="Dead letters: the original payload verbatim; headers Gifthub-Dead-Reason, "
        "Gifthub-Original-Subject, Gifthub-Message-Id.",
    )
