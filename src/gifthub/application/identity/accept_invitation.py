from __future__ import annotations

from gifthub.application.identity.emails import request_email
from gifthub.application.identity.tokens import token_hash
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.password_hasher import PasswordHasher
from gifthub.domain.email_messages import WelcomeEmail
from gifthub.domain.one_time_token import InvalidToken, TokenPurpose
from gifthub.domain.password_policy import check_password
from gifthub.domain.user import User, UserStatus


class AcceptInvitation:
    """The invited person sets a password with the link's token; the account becomes active."""

    def __init__(self, uow: IdentityUnitOfWork, hasher: PasswordHasher, clock: Clock) -> None:
        self._uow, self._hasher, self._clock = uow, hasher, clock

    async def execute(self, token: str, password: str) -> User:
        now = self._clock.now()
        async with self._uow as uow:
            stored = await uow.one_time_tokens.get(token_hash(token))
            if stored is None:
                raise InvalidToken("the link is invalid, expired or already used; ask for a new one", field="token")
            stored.spend(TokenPurpose.INVITATION, now)
            user = await uow.users.get(stored.user_id)
            if user is None or user.status is not UserStatus.INVITED:
                raise InvalidToken("the link is invalid, expired or already used; ask for a new one", field="token")
            check_password(password, email=user.email)
            user.password_hash = self._hasher.hash(password)
            user.status, user.updated_at = UserStatus.ACTIVE, now
            request_email(uow, user, WelcomeEmail(email=user.email), now)
            await uow.commit()
        return user
