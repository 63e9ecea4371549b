"""A fact worth telling people about, before it is fanned out to each person who may see it."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.domain.email_messages import EmailMessage
from gifthub.domain.notification_kinds import NotificationKind


@dataclass(frozen=True)
class Fact:
    kind: NotificationKind
    title: str
    body: str
    key: str  # unique per fact (e.g. the event's message id): emails are sent once per key and person
    email: EmailMessage | None = None  # sent to those whose preference says email; None: in-app only
    project_id: UUID | None = None  # told to the project's people ...
    cabinet_id: UUID | None = None  # ... or, for a requester-only kind, to that member of this cabinet
    requester: str = ""  # the principal behind it ("user:<id>"): an order's creator, an export's requester
