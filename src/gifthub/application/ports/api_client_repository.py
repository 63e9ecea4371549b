from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.api_client import ApiClient


class ApiClientRepository(Protocol):
    def add(self, client: ApiClient) -> None: ...

    async def get_for_project(self, project_id: UUID) -> ApiClient | None: ...

    async def get_by_b2b_code(self, b2b_code: str) -> ApiClient | None: ...
