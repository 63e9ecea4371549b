from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from gifthub.application.authorization import ensure_platform_staff
from gifthub.application.errors import Forbidden, NotFound
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.tokens import new_token, token_hash
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.auth_session import IMPERSONATION_TIMEOUT, AuthSession
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.user import User


@dataclass(frozen=True)
class Impersonation:
    user: User
    session_token: str
    csrf_token: str
    expires_at: datetime


class Impersonate:
    """Platform staff see the cabinet exactly as a user does, read-only, for an hour; audited."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, user_id: UUID) -> Impersonation:
        ensure_platform_staff(principal, "impersonate users")
        if principal.kind is not PrincipalKind.PLATFORM_STAFF:
            raise Forbidden("only a platform staff member impersonates")
        now = self._clock.now()
        session_token, csrf_token = new_token(), new_token()
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None or user.staff_role is not None:
                raise NotFound("no client user with this id")
            uow.auth_sessions.add(
                AuthSession(
                    id=self._ids.new_id(),
                    token_hash=token_hash(session_token),
                    csrf_hash=token_hash(csrf_token),
                    user_id=user.id,
                    created_at=now,
                    last_seen_at=now,
                    expires_at=now + IMPERSONATION_TIMEOUT,
                    ip=principal.ip[:64],
                    user_agent="impersonation",
                    impersonated_by=str(principal),
                )
            )
            audit(uow, self._ids.new_id(), now, principal, "user.impersonated", target=f"user:{user.id}")
            await uow.commit()
        return Impersonation(user, session_token, csrf_token, now + IMPERSONATION_TIMEOUT)
