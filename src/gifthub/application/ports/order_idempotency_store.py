from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID


@dataclass(frozen=True)
class IdempotencyRecord:
    scope: str
    key: str
    request_hash: str
    order_id: UUID
    status_code: int = 0
    response: str = ""  # filled in once the first answer is rendered


class OrderIdempotencyStore(Protocol):
    async def get(self, scope: str, key: str) -> IdempotencyRecord | None: ...

    async def add(self, record: IdempotencyRecord) -> None:
        """Raises ConcurrencyConflict at commit if a concurrent request took the key first."""
        ...

    async def set_response(self, scope: str, key: str, status_code: int, response: str) -> None: ...
