"""A corporate client's workspace: its users, companies and projects hang off it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from gifthub.domain.errors import InvalidName
from gifthub.domain.events import CabinetCreated, DomainEvent


def clean_name(value: str, *, field: str = "name", max_length: int = 200) -> str:
    text = " ".join(str(value).split())
    if not text:
        raise InvalidName("must not be empty", field=field)
    if len(text) > max_length:
        raise InvalidName(f"must be at most {max_length} characters", field=field)
    return text


@dataclass(eq=False)
class Cabinet:
    id: UUID
    name: str
    created_at: datetime
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    @classmethod
    def open(cls, cabinet_id: UUID, name: str, at: datetime) -> Cabinet:
        cabinet = cls(id=cabinet_id, name=clean_name(name), created_at=at)
        cabinet.events.append(CabinetCreated(occurred_at=at, cabinet_id=cabinet_id, cabinet_name=cabinet.name))
        return cabinet
