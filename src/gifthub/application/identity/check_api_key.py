from __future__ import annotations

from gifthub.application.authorization import can_see_project
from gifthub.application.identity.tokens import matches
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal


class CheckApiKey:
    """The cabinet's "Check" button: do this B2B code and secret match an active key?

    A project the caller does not see answers "no match", exactly like a wrong secret.
    """

    def __init__(self, uow: IdentityUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, b2b_code: str, secret: str) -> bool:
        async with self._uow as uow:
            client = await uow.api_clients.get_by_b2b_code(b2b_code.strip().upper())
            project = await uow.projects.get(client.project_id) if client is not None else None
        if client is None or project is None or not can_see_project(principal, project):
            return False
        return client.is_active and matches(secret, client.secret_hash)
