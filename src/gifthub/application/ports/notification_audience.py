from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from gifthub.domain.identity import CabinetRole
from gifthub.domain.language import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Member:
    """A person of a cabinet as the notification centre needs them: where to write, in which time zone and language."""

    user_id: UUID
    email: str
    time_zone: str
    role: CabinetRole
    granted: bool  # holds a grant on the project in question (narrows operators and accountants)
    language: str = DEFAULT_LANGUAGE.value  # of their emails


class NotificationAudience(Protocol):
    """Read side of identity (memberships and grants) for fan-out; only users who may sign in."""

    async def of_project(self, project_id: UUID) -> list[Member]:
        """Every active member of the project's cabinet, ``granted`` telling who holds a grant on it."""
        ...

    async def member(self, user_id: UUID, cabinet_id: UUID) -> Member | None:
        """That user, if still an active member of that cabinet."""
        ...
