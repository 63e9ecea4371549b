from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID


@dataclass(frozen=True)
class Found:
    """One hit of the back-office search: what it is, its id, a label and where it belongs."""

    kind: str  # cabinet, project, company, user
    id: UUID
    label: str  # name, or email for a user
    detail: str  # B2B code and region, tax id and country, status
    cabinet_ids: tuple[UUID, ...]  # the cabinets it belongs to (a company may serve several)


class BackofficeSearch(Protocol):
    """Read-only search over every tenant (platform staff only; the use case checks)."""

    async def cabinets(self, text: str, limit: int) -> list[Found]: ...

    async def projects(self, text: str, limit: int) -> list[Found]: ...

    async def companies(self, text: str, limit: int) -> list[Found]: ...

    async def users(self, text: str, limit: int) -> list[Found]: ...
