from __future__ import annotations

from typing import Protocol
from uuid import UUID


class OrderUploadRepository(Protocol):
    async def find(self, project_id: UUID, content_hash: str) -> UUID | None:
        """The order already made from this exact file, if any."""
        ...

    async def add(self, project_id: UUID, content_hash: str, order_id: UUID, rows: int) -> None: ...
