from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.errors import NotFound
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.emails import request_email
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.email_messages import WelcomeEmail
from gifthub.domain.identity import Principal
from gifthub.domain.identity_errors import InvalidRole
from gifthub.domain.user import User, UserStatus

ALLOWED = (UserStatus.ACTIVE, UserStatus.BLOCKED, UserStatus.DEACTIVATED)


class ModerateUser:
    """Platform staff approve (active), block or deactivate a user; history is kept, sessions end."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, user_id: UUID, status: UserStatus) -> User:
        ensure_platform_admin(principal, "approve, block or deactivate users")
        if status not in ALLOWED:
            raise InvalidRole("status must be active, blocked or deactivated", field="status")
        now = self._clock.now()
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise NotFound("user not found")
            if user.status is UserStatus.INVITED and status is UserStatus.ACTIVE:
                raise InvalidRole("an invited user becomes active by accepting the invitation", field="status")
            approved = user.status is UserStatus.PENDING and status is UserStatus.ACTIVE
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "user.status",
                target=f"user:{user.id}",
                before={"status": user.status},
                after={"status": status},
            )
            user.status, user.updated_at = status, now
            if status is not UserStatus.ACTIVE:
                await uow.auth_sessions.revoke_all_of(user.id, now)
            if approved:
                request_email(uow, user, WelcomeEmail(email=user.email), now)
            await uow.commit()
        return user
