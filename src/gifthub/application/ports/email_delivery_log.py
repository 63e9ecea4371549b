from __future__ import annotations

from typing import Protocol

from gifthub.domain.email import EmailDelivery


class EmailDeliveryLog(Protocol):
    """Every email sent or refused, keyed by its de-duplication key: the same key is sent once."""

    async def get(self, dedup_key: str) -> EmailDelivery | None: ...

    def add(self, delivery: EmailDelivery) -> None: ...

    async def recent(self, limit: int) -> list[EmailDelivery]: ...
