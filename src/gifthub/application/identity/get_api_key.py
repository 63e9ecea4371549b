from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_read_project_admin
from gifthub.application.errors import NotFound
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.api_client import ApiClient
from gifthub.domain.identity import Principal


class GetApiKey:
    """The key's status (never its secret)."""

    def __init__(self, uow: IdentityUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, project_id: UUID) -> ApiClient:
        async with self._uow as uow:
            ensure_can_read_project_admin(principal, await uow.projects.get(project_id))
            client = await uow.api_clients.get_for_project(project_id)
        if client is None:
            raise NotFound("the project has no API key")
        return client
