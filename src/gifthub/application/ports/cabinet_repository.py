from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.cabinet import Cabinet


class CabinetRepository(Protocol):
    def add(self, cabinet: Cabinet) -> None: ...

    async def get(self, cabinet_id: UUID) -> Cabinet | None: ...

    async def get_by_name(self, name: str) -> Cabinet | None: ...

    async def list(self, *, after: tuple[str, str] | None, limit: int, ids: frozenset[UUID] | None) -> list[Cabinet]:
        """Ordered by (created_at, id); ``after`` is the keyset of the last item seen."""
        ...
