from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from gifthub.domain.money import Money


@dataclass(frozen=True)
class OrderDigest:
    """What a notice about an order says beyond its event: whose it is and what it cost."""

    order_id: UUID
    project_id: UUID
    project_name: str
    created_by: str  # the principal, e.g. "user:<id>"
    captured: Money  # the delivered certificates' prices: what completion captures


class OrderDigests(Protocol):
    async def get(self, order_id: UUID) -> OrderDigest | None: ...
