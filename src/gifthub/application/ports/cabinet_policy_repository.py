from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol
from uuid import UUID

from gifthub.domain.cabinet_policy import CabinetPolicy


class CabinetPolicyRepository(Protocol):
    def add(self, policy: CabinetPolicy) -> None: ...

    async def get(self, cabinet_id: UUID) -> CabinetPolicy | None: ...

    async def of_cabinets(self, cabinet_ids: Iterable[UUID]) -> list[CabinetPolicy]: ...
