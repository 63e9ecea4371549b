from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.errors import NotFound
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.emails import request_email
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.email_messages import TwoFactorChangedEmail
from gifthub.domain.identity import Principal
from gifthub.domain.user import User


class ResetTwoFactor:
    """Platform staff turn a user's 2FA off (lost phone and codes); the user sets it up again."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, user_id: UUID) -> User:
        ensure_platform_admin(principal, "reset two-factor authentication")
        now = self._clock.now()
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise NotFound("user not found")
            had = user.two_factor_enabled
            user.totp_secret = user.totp_pending_secret = None
            user.totp_enabled_at = user.totp_last_step = None
            user.updated_at = now
            await uow.users.delete_recovery_codes(user.id)
            await uow.auth_sessions.revoke_all_of(user.id, now)
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "user.2fa_reset",
                target=f"user:{user.id}",
                before={"two_factor": had},
                after={"two_factor": False},
            )
            if had:
                changed = TwoFactorChangedEmail(email=user.email, change="reset", changed_at=now.isoformat())
                request_email(uow, user, changed, now)
            await uow.commit()
        return user
