from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_project, ensure_step_up
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.tokens import new_token, token_hash
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.api_client import ApiClient
from gifthub.domain.identity import Principal


@dataclass(frozen=True)
class IssuedApiKey:
    client: ApiClient
    secret: str  # shown once; only its hash is stored


class IssueApiKey:
    """Creates the project's API key, or rotates it: the old secret stops working at once."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, project_id: UUID) -> IssuedApiKey:
        secret = new_token()
        now = self._clock.now()
        async with self._uow as uow:
            project = await uow.projects.get(project_id)
            ensure_can_manage_project(principal, project)
            ensure_step_up(principal, self._clock.now(), "changing API keys")
            client = await uow.api_clients.get_for_project(project_id)
            if client is None:
                client = ApiClient(
                    id=self._ids.new_id(),
                    project_id=project.id,
                    cabinet_id=project.cabinet_id,
                    b2b_code=project.b2b_code,
                    secret_hash=token_hash(secret),
                    created_at=now,
                    rotated_at=now,
                )
                uow.api_clients.add(client)
            else:
                client.secret_hash = token_hash(secret)
                client.rotated_at = now
                client.revoked_at = None
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "api_key.issued",
                cabinet_id=project.cabinet_id,
                target=f"project:{project.id}",
                after={"b2b_code": client.b2b_code},
            )
            await uow.commit()
        return IssuedApiKey(client, secret)
