from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol
from uuid import UUID

from gifthub.domain.certificate import Certificate, CertificateState


class CertificateRepository(Protocol):
    def add_many(self, certificates: Sequence[Certificate]) -> None: ...

    async def get(self, certificate_id: UUID, *, for_update: bool = False) -> Certificate | None: ...

    async def list_for_order(self, order_id: UUID, *, after_position: int | None, limit: int) -> list[Certificate]: ...

    async def count_by_state(self, order_id: UUID) -> dict[CertificateState, int]: ...

    async def count_awaiting_delivery(self, order_id: UUID) -> int:
        """Issued certificates of the order not yet with their recipients."""
        ...

    async def claim_due(self, now: datetime, limit: int) -> list[Certificate]:
        """Certificates the worker should act on now (pending, ordering, or ordered and due for a check),
        locked until commit; on PostgreSQL rows another worker holds are skipped (SKIP LOCKED)."""
        ...

    async def all_for_order(self, order_id: UUID) -> list[Certificate]: ...

    async def deliveries_due(self, now: datetime, limit: int) -> list[Certificate]:
        """Issued certificates Giftery delivers, still waiting for their scheduled moment, which has come."""
        ...

    async def claim_deliveries(self, now: datetime, limit: int) -> list[Certificate]:
        """Issued certificates GiftHub emails itself whose moment has come (or that have none), locked
        until commit; on PostgreSQL rows another worker holds are skipped (SKIP LOCKED)."""
        ...
