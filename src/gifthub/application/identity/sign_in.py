from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NoReturn

from gifthub.application.identity.attempts import Attempts
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.second_factor import accept_second_factor
from gifthub.application.identity.tokens import new_token, token_hash
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.one_time_passwords import OneTimePasswords
from gifthub.application.ports.password_hasher import PasswordHasher
from gifthub.domain.auth_session import ABSOLUTE_TIMEOUT, AuthSession
from gifthub.domain.email_address import normalize_email
from gifthub.domain.identity_errors import InvalidCredentials, TwoFactorFailed, TwoFactorRequired
from gifthub.domain.password_policy import MAX_LENGTH
from gifthub.domain.user import User

SAME_ANSWER = "the email or the password is wrong"


@dataclass(frozen=True)
class SignInCommand:
    email: str
    password: str
    ip: str = ""
    user_agent: str = ""
    otp: str | None = None  # TOTP or recovery code, when the user has 2FA


@dataclass(frozen=True)
class SignedIn:
    """The session and CSRF tokens are returned once, to be set as cookies; only hashes are stored."""

    user: User
    session_token: str
    csrf_token: str
    expires_at: datetime


class SignIn:
    def __init__(
        self,
        uow: IdentityUnitOfWork,
        hasher: PasswordHasher,
        passwords: OneTimePasswords,
        clock: Clock,
        ids: IdGenerator,
    ) -> None:
        self._uow, self._hasher, self._passwords, self._clock, self._ids = uow, hasher, passwords, clock, ids

    async def execute(self, command: SignInCommand) -> SignedIn:
        email = normalize_email(command.email)
        password = command.password[: MAX_LENGTH + 1]
        async with self._uow as uow:
            now = self._clock.now()
            attempts = await Attempts.open(uow.throttles, "sign-in", email, command.ip, now)
            user = await uow.users.get_by_email(email)
            if user is None or user.password_hash is None:
                # Same work and same answer as a wrong password: an unknown email is not revealed.
                self._hasher.burn(password)
                await self._refuse(uow, attempts, now, InvalidCredentials(SAME_ANSWER), command.ip)
            assert user.password_hash is not None
            if not self._hasher.verify(user.password_hash, password) or not user.status.may_sign_in:
                await self._refuse(uow, attempts, now, InvalidCredentials(SAME_ANSWER), command.ip)
            if user.two_factor_enabled:
                if not command.otp:
                    raise TwoFactorRequired("send the code of the authenticator app (or a recovery code) in otp")
                if not await accept_second_factor(uow.users, self._passwords, user, command.otp, now):
                    error = TwoFactorFailed("the code is wrong or was already used", field="otp")
                    await self._refuse(uow, attempts, now, error, command.ip)
            attempts.succeeded(now)
            audit(uow, self._ids.new_id(), now, None, "auth.sign_in", target=f"user:{user.id}", ip=command.ip)
            if self._hasher.needs_rehash(user.password_hash):
                user.password_hash = self._hasher.hash(password)
                user.updated_at = now
            session_token, csrf_token = new_token(), new_token()
            session = AuthSession(
                id=self._ids.new_id(),
                token_hash=token_hash(session_token),
                csrf_hash=token_hash(csrf_token),
                user_id=user.id,
                created_at=now,
                last_seen_at=now,
                expires_at=now + ABSOLUTE_TIMEOUT,
                ip=command.ip[:64],
                user_agent=command.user_agent[:300],
            )
            uow.auth_sessions.add(session)
            await uow.commit()
        return SignedIn(user, session_token, csrf_token, session.expires_at)

    async def _refuse(
        self, uow: IdentityUnitOfWork, attempts: Attempts, now: datetime, error: Exception, ip: str = ""
    ) -> NoReturn:
        attempts.failed(now)
        audit(uow, self._ids.new_id(), now, None, "auth.sign_in_failed", ip=ip, after={"reason": type(error).__name__})
        await uow.commit()  # the failure counts even though the sign-in is refused
        raise error
