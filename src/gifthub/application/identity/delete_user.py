from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.errors import NotFound
from gifthub.application.identity.audit_trail import audit
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.user import User, UserStatus


class DeleteUser:
    """Deletes a person but keeps history: the row (which the audit trail and orders refer to) stays,
    its personal data and credentials go, memberships end, sessions end."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, user_id: UUID) -> User:
        ensure_platform_admin(principal, "delete users")
        now = self._clock.now()
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise NotFound("user not found")
            memberships = await uow.users.memberships_of(user.id) + await uow.users.memberships_of(
                user.id, pending=True
            )
            for membership in memberships:
                await uow.users.remove_membership(user.id, membership.cabinet_id)
            await uow.users.delete_recovery_codes(user.id)
            await uow.auth_sessions.revoke_all_of(user.id, now)
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "user.deleted",
                target=f"user:{user.id}",
                before={"status": user.status},
            )
            user.email = f"deleted-{user.id}@deleted.invalid"
            user.password_hash = user.totp_secret = user.totp_pending_secret = None
            user.totp_enabled_at = None
            user.status, user.updated_at = UserStatus.DEACTIVATED, now
            await uow.commit()
        return user
