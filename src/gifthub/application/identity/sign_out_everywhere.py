from __future__ import annotations

from uuid import UUID

from gifthub.application.errors import Forbidden
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal, PrincipalKind


class SignOutEverywhere:
    def __init__(self, uow: IdentityUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, principal: Principal) -> int:
        user_id = _user_id(principal)
        async with self._uow as uow:
            count = await uow.auth_sessions.revoke_all_of(user_id, self._clock.now())
            await uow.commit()
        return count


def _user_id(principal: Principal) -> UUID:
    if principal.kind not in (PrincipalKind.USER, PrincipalKind.PLATFORM_STAFF):
        raise Forbidden("only a signed-in person has sessions")
    try:
        return UUID(principal.id)
    except ValueError:
        raise Forbidden("the bootstrap token has no sessions") from None
