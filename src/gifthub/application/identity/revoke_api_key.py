from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_project, ensure_step_up
from gifthub.application.errors import NotFound
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.api_client import ApiClient
from gifthub.domain.identity import Principal


class RevokeApiKey:
    def __init__(self, uow: IdentityUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, principal: Principal, project_id: UUID) -> ApiClient:
        async with self._uow as uow:
            ensure_can_manage_project(principal, await uow.projects.get(project_id))
            ensure_step_up(principal, self._clock.now(), "changing API keys")
            client = await uow.api_clients.get_for_project(project_id)
            if client is None:
                raise NotFound("the project has no API key")
            if client.revoked_at is None:
                client.revoked_at = self._clock.now()
                await uow.commit()
        return client
