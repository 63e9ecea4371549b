from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_project, ensure_step_up
from gifthub.application.errors import NotFound
from gifthub.application.identity.audit_trail import audit
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.api_client import ApiClient
from gifthub.domain.identity import Principal


class RevokeApiKey:
    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, project_id: UUID) -> ApiClient:
        async with self._uow as uow:
            ensure_can_manage_project(principal, await uow.projects.get(project_id))
            ensure_step_up(principal, self._clock.now(), "changing API keys")
            client = await uow.api_clients.get_for_project(project_id)
            if client is None:
                raise NotFound("the project has no API key")
            if client.revoked_at is None:
                client.revoked_at = self._clock.now()
                audit(
                    uow,
                    self._ids.new_id(),
                    client.revoked_at,
                    principal,
                    "api_key.revoked",
                    cabinet_id=client.cabinet_id,
                    target=f"project:{project_id}",
                )
                await uow.commit()
        return client
