"""Domain events: facts aggregates record in ``self.events``; the unit of work puts them in the outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar
from uuid import UUID

from gifthub.domain.email_messages import EmailMessage
from gifthub.domain.money import Money


@dataclass(frozen=True)
class DomainEvent:
    name: ClassVar[str] = "event"
    occurred_at: datetime


@dataclass(frozen=True)
class CabinetCreated(DomainEvent):
    name: ClassVar[str] = "cabinet.created"
    cabinet_id: UUID
    cabinet_name: str


@dataclass(frozen=True)
class ProjectCreated(DomainEvent):
    name: ClassVar[str] = "project.created"
    project_id: UUID
    cabinet_id: UUID
    project_name: str
    region: str
    b2b_code: str


@dataclass(frozen=True)
class NegativeLimitChanged(DomainEvent):
    name: ClassVar[str] = "project.negative_limit_changed"
    project_id: UUID
    previous: Money
    current: Money


@dataclass(frozen=True)
class LedgerEntryPosted(DomainEvent):
    """One event per ledger line; ``kind`` says top-up, hold, release, capture or adjustment."""

    name: ClassVar[str] = "ledger.entry_posted"
    project_id: UUID
    entry_id: UUID
    sequence: int
    kind: str
    amount: Money
    reference: str
    balance_after: Money
    held_after: Money
    available_after: Money


@dataclass(frozen=True)
class EmailRequested(DomainEvent):
    """An email to send, written to the outbox with the change that caused it; the email consumer
    renders ``template`` (jinja2, HTML + text) in ``language`` and ``timezone`` and sends it."""

    name: ClassVar[str] = "email.requested"
    to: str
    template: str  # e.g. "invitation", "invoice_issued"
    context: dict[str, str]
    language: str = "ru"
    timezone: str = "Europe/Moscow"
    dedup_key: str = ""  # the same key is sent once

    @classmethod
    def of(
        cls, message: EmailMessage, *, to: str, occurred_at: datetime, dedup_key: str,
        language: str = "ru", timezone: str = "Europe/Moscow",
    ) -> EmailRequested:  # fmt: skip
        """The only way producers ask for an email: the typed message fixes template and context."""
        return cls(
            occurred_at=occurred_at, to=to, template=message.template, context=message.context(),
            language=language, timezone=timezone, dedup_key=dedup_key,
        )  # fmt: skip
