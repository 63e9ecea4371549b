from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.identity.audit_trail import audit
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.password_hasher import PasswordHasher
from gifthub.domain.email_address import normalize_email
from gifthub.domain.identity import Principal, StaffRole
from gifthub.domain.identity_errors import EmailTaken
from gifthub.domain.language import DEFAULT_LANGUAGE, check_language
from gifthub.domain.password_policy import check_password
from gifthub.domain.time_zone import DEFAULT_TIME_ZONE, check_time_zone
from gifthub.domain.user import User, UserStatus


@dataclass(frozen=True)
class CreateUserCommand:
    email: str
    password: str
    staff_role: StaffRole | None = None
    time_zone: str = DEFAULT_TIME_ZONE
    language: str = DEFAULT_LANGUAGE.value


class CreateUser:
    """Platform administrators create active users directly (client users or platform staff)."""

    def __init__(self, uow: IdentityUnitOfWork, hasher: PasswordHasher, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._hasher, self._clock, self._ids = uow, hasher, clock, ids

    async def execute(self, principal: Principal, command: CreateUserCommand) -> User:
        ensure_platform_admin(principal, "create users")
        email = normalize_email(command.email)
        check_password(command.password, email=email)
        time_zone = check_time_zone(command.time_zone)
        language = check_language(command.language)
        password_hash = self._hasher.hash(command.password)
        now = self._clock.now()
        async with self._uow as uow:
            if await uow.users.get_by_email(email) is not None:
                raise EmailTaken("a user with this email already exists", field="email")
            user = User(
                id=self._ids.new_id(),
                email=email,
                password_hash=password_hash,
                status=UserStatus.ACTIVE,
                staff_role=command.staff_role,
                time_zone=time_zone,
                language=language.value,
                created_at=now,
                updated_at=now,
            )
            uow.users.add(user)
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "user.created",
                target=f"user:{user.id}",
                after={"email": email, "staff_role": command.staff_role},
            )
            await uow.commit()
        return user
