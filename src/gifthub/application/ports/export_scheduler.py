from __future__ import annotations

from typing import Protocol
from uuid import UUID


class ExportScheduler(Protocol):
    def schedule(self, export_id: UUID) -> None:
        """Generate the export in the background; returns at once."""
        ...
