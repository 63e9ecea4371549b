from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.billing.seller import Seller
from gifthub.domain.region import Region


class SellerRepository(Protocol):
    async def add(self, seller: Seller) -> None: ...

    async def update(self, seller: Seller) -> None: ...

    async def get(self, seller_id: UUID) -> Seller | None: ...

    async def active_for(self, region: Region) -> Seller | None:
        """The seller that issues invoices in ``region`` now (the oldest active one)."""
        ...

    async def prefix_taken(self, prefix: str, except_id: UUID | None = None) -> bool: ...

    async def list(self) -> list[Seller]: ...
