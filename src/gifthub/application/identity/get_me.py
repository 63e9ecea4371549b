from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.user import User


@dataclass(frozen=True)
class Me:
    principal: Principal
    user: User | None  # None for the bootstrap token and API clients


class GetMe:
    def __init__(self, uow: IdentityUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal) -> Me:
        if principal.kind not in (PrincipalKind.USER, PrincipalKind.PLATFORM_STAFF):
            return Me(principal, None)
        try:
            user_id = UUID(principal.id)
        except ValueError:
            return Me(principal, None)
        async with self._uow as uow:
            return Me(principal, await uow.users.get(user_id))
