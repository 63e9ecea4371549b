from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.low_balance import LowBalanceAlert


class LowBalanceRepository(Protocol):
    async def get(self, project_id: UUID, *, for_update: bool = False) -> LowBalanceAlert | None: ...

    async def save(self, alert: LowBalanceAlert) -> None: ...
