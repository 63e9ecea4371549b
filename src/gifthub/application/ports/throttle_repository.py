from __future__ import annotations

from datetime import datetime
from typing import Protocol

from gifthub.domain.throttle import Throttle


class ThrottleRepository(Protocol):
    async def get_or_new(self, key_hash: str, kind: str, now: datetime) -> Throttle:
        """The row for this key (locked for update where the database can), or a new one to add."""
        ...
