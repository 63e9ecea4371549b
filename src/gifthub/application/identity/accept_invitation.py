from __future__ import annotations

from gifthub.application.identity.emails import request_email
from gifthub.application.identity.redeem_token import redeem_with_password
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.password_hasher import PasswordHasher
from gifthub.domain.email_messages import WelcomeEmail
from gifthub.domain.one_time_token import TokenPurpose
from gifthub.domain.user import User, UserStatus


class AcceptInvitation:
    """The invited person sets a password with the link's token; the account becomes active, and the
    cabinets that invited this email (the reason for the link) are joined."""

    def __init__(self, uow: IdentityUnitOfWork, hasher: PasswordHasher, clock: Clock) -> None:
        self._uow, self._hasher, self._clock = uow, hasher, clock

    async def execute(self, token: str, password: str) -> User:
        now = self._clock.now()
        async with self._uow as uow:
            user = await redeem_with_password(
                uow, self._hasher, token, TokenPurpose.INVITATION, UserStatus.INVITED, password, now
            )
            user.status = UserStatus.ACTIVE
            for invitation in await uow.users.memberships_of(user.id, pending=True):
                invitation.accepted_at = now
            request_email(uow, user, WelcomeEmail(email=user.email), now)
            await uow.commit()
        return user
