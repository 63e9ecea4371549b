from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.project import Project


class ProjectRepository(Protocol):
    def add(self, project: Project) -> None: ...

    async def get(self, project_id: UUID, *, for_update: bool = False) -> Project | None:
        """``for_update`` locks the project's row until commit: the check-and-hold guard."""
        ...

    async def get_by_b2b_code(self, b2b_code: str) -> Project | None: ...

    async def b2b_code_taken(self, b2b_code: str) -> bool: ...

    async def list(
        self, *, cabinet_ids: frozenset[UUID] | None, after: tuple[str, str] | None, limit: int
    ) -> list[Project]: ...
