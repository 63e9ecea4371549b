from __future__ import annotations

from typing import Protocol
from uuid import UUID


class PersonZones(Protocol):
    async def zone_of(self, user_id: UUID) -> str | None:
        """The IANA zone of the person's profile; None when there is no such person."""
        ...
