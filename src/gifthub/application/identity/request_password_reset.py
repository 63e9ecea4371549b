from __future__ import annotations

from gifthub.application.identity.attempts import Attempts
from gifthub.application.identity.emails import issue_token, request_email
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.email_address import normalize_email
from gifthub.domain.email_messages import PasswordResetEmail
from gifthub.domain.one_time_token import TokenPurpose
from gifthub.domain.user import UserStatus


class RequestPasswordReset:
    """Emails a reset link to an active account. The caller always gets the same answer, so nobody
    learns which emails have accounts; requests are throttled per email and per IP."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, email: str, ip: str) -> None:
        email = normalize_email(email)
        now = self._clock.now()
        async with self._uow as uow:
            attempts = await Attempts.open(uow.throttles, "password-reset", email, ip, now)
            attempts.failed(now)  # every request counts: a flood of emails is throttled too
            user = await uow.users.get_by_email(email)
            if user is not None and user.status is UserStatus.ACTIVE:
                issued = issue_token(uow, user, TokenPurpose.PASSWORD_RESET, now)
                reset = PasswordResetEmail(email=user.email, token=issued.token, expires_at=issued.expires_at)
                request_email(uow, user, reset, now, key=issued.token_id)
            await uow.commit()
