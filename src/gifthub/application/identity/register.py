from __future__ import annotations

from gifthub.application.identity.attempts import Attempts
from gifthub.application.identity.emails import request_email
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.password_hasher import PasswordHasher
from gifthub.domain.email_address import normalize_email
from gifthub.domain.email_messages import RegistrationExistsEmail, RegistrationReceivedEmail
from gifthub.domain.language import DEFAULT_LANGUAGE, check_language
from gifthub.domain.password_policy import check_password
from gifthub.domain.time_zone import DEFAULT_TIME_ZONE
from gifthub.domain.user import User, UserStatus


class Register:
    """Self-registration: the account waits for platform approval (moderation). A taken email gets the
    same answer (and the owner of that mailbox an email), so registration reveals no accounts."""

    def __init__(self, uow: IdentityUnitOfWork, hasher: PasswordHasher, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._hasher, self._clock, self._ids = uow, hasher, clock, ids

    async def execute(self, email: str, password: str, ip: str, language: str = DEFAULT_LANGUAGE.value) -> None:
        email = normalize_email(email)
        chosen = check_language(language)
        check_password(password, email=email)
        password_hash = self._hasher.hash(password)  # before the lookup: same work either way
        now = self._clock.now()
        async with self._uow as uow:
            attempts = await Attempts.open(uow.throttles, "register", email, ip, now)
            attempts.failed(now)
            existing = await uow.users.get_by_email(email)
            if existing is not None:
                request_email(uow, existing, RegistrationExistsEmail(email=existing.email), now)
            else:
                user = User(
                    self._ids.new_id(),
                    email,
                    password_hash,
                    UserStatus.PENDING,
                    None,
                    DEFAULT_TIME_ZONE,
                    now,
                    now,
                    language=chosen.value,
                )
                uow.users.add(user)
                request_email(uow, user, RegistrationReceivedEmail(email=user.email), now)
            await uow.commit()
