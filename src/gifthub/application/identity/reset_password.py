from __future__ import annotations

from gifthub.application.identity.redeem_token import redeem_with_password
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.password_hasher import PasswordHasher
from gifthub.domain.one_time_token import TokenPurpose
from gifthub.domain.user import UserStatus


class ResetPassword:
    """Sets a new password with the emailed token and ends every session of the account."""

    def __init__(self, uow: IdentityUnitOfWork, hasher: PasswordHasher, clock: Clock) -> None:
        self._uow, self._hasher, self._clock = uow, hasher, clock

    async def execute(self, token: str, password: str) -> None:
        now = self._clock.now()
        async with self._uow as uow:
            user = await redeem_with_password(
                uow, self._hasher, token, TokenPurpose.PASSWORD_RESET, UserStatus.ACTIVE, password, now
            )
            await uow.auth_sessions.revoke_all_of(user.id, now)
            await uow.commit()
