from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.errors import NotFound
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.user import User


class ResetTwoFactor:
    """Platform staff turn a user's 2FA off (lost phone and codes); the user sets it up again."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, principal: Principal, user_id: UUID) -> User:
        ensure_platform_admin(principal, "reset two-factor authentication")
        now = self._clock.now()
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise NotFound("user not found")
            user.totp_secret = user.totp_pending_secret = None
            user.totp_enabled_at = user.totp_last_step = None
            user.updated_at = now
            await uow.users.delete_recovery_codes(user.id)
            await uow.auth_sessions.revoke_all_of(user.id, now)
            await uow.commit()
        return user
