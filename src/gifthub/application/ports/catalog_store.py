from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from gifthub.application.ports.giftery_gateway import CatalogSnapshot


@dataclass(frozen=True)
class SyncReport:
    products_total: int
    products_added: int
    products_updated: int
    products_deactivated: int
    brands: int
    categories: int
    synced_at: datetime

    def summary(self) -> str:
        return (
            f"{self.products_total} products ({self.products_added} new, {self.products_updated} changed, "
            f"{self.products_deactivated} deactivated), {self.brands} brands, {self.categories} categories"
        )


class CatalogStore(Protocol):
    """The write side of the local catalog."""

    async def apply(self, snapshot: CatalogSnapshot, at: datetime) -> SyncReport:
        """In one transaction: upsert brands, categories and products; products missing from the snapshot
        are deactivated (never deleted: order lines and history still point at them)."""
        ...
