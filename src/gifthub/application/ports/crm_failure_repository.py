from __future__ import annotations

from typing import Protocol

from gifthub.domain.crm import CrmFailure


class CrmFailureRepository(Protocol):
    def add(self, failure: CrmFailure) -> None: ...

    async def list(self, *, after: tuple[str, str] | None, limit: int) -> list[CrmFailure]:
        """Newest first, ordered by (failed_at, id) descending."""
        ...
