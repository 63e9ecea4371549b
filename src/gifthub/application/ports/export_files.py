from __future__ import annotations

from typing import Protocol
from uuid import UUID


class ExportFiles(Protocol):
    """Where finished export files live, by export id."""

    async def write(self, export_id: UUID, data: bytes) -> None: ...

    async def read(self, export_id: UUID) -> bytes | None: ...
