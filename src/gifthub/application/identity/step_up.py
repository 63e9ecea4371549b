from __future__ import annotations

from uuid import UUID

from gifthub.application.identity.attempts import Attempts
from gifthub.application.identity.person import the_person
from gifthub.application.identity.second_factor import accept_second_factor
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.one_time_passwords import OneTimePasswords
from gifthub.domain.identity import Principal
from gifthub.domain.identity_errors import StepUpRequired, TwoFactorFailed


class StepUp:
    """A fresh TOTP confirms payment actions and key changes in this session for a few minutes."""

    def __init__(self, uow: IdentityUnitOfWork, passwords: OneTimePasswords, clock: Clock) -> None:
        self._uow, self._passwords, self._clock = uow, passwords, clock

    async def execute(self, principal: Principal, session_id: UUID | None, code: str) -> None:
        if session_id is None:
            raise StepUpRequired("step-up confirms a browser session; sign in first")
        now = self._clock.now()
        async with self._uow as uow:
            user = await the_person(uow.users, principal)
            attempts = await Attempts.open(uow.throttles, "step-up", str(user.id), "", now)
            if not user.two_factor_enabled:
                raise TwoFactorFailed("two-factor authentication is not enabled", field="code")
            if not await accept_second_factor(uow.users, self._passwords, user, code, now):
                attempts.failed(now)
                await uow.commit()
                raise TwoFactorFailed("the code is wrong or was already used", field="code")
            session = await uow.auth_sessions.get(session_id)
            if session is None or session.user_id != user.id:
                raise StepUpRequired("this session cannot be confirmed")
            session.stepped_up_at = now
            attempts.succeeded(now)
            await uow.commit()
