from __future__ import annotations

from typing import Protocol


class DeadLetters(Protocol):
    """Where a message that can never be processed goes, with the reason: ``gifthub.dead.<subject>``."""

    async def publish(self, subject: str, message_id: str, raw: bytes, reason: str) -> None: ...
