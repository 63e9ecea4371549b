from __future__ import annotations

from dataclasses import dataclass, replace

from gifthub.application.authorization import ensure_may_change, ensure_step_up
from gifthub.application.identity.person import the_person
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.one_time_passwords import OneTimePasswords
from gifthub.domain.identity import Principal


@dataclass(frozen=True)
class TwoFactorSetup:
    """Shown once to the person setting up 2FA: the QR code for the authenticator app."""

    provisioning_uri: str
    qr_code: str  # data: URI of an SVG


class StartTwoFactor:
    """A new pending TOTP seed; it becomes active only after a first correct code (EnableTwoFactor).
    Replacing an active second factor needs that factor first (a fresh step-up), so a stolen session
    alone cannot swap the owner's authenticator and recovery codes."""

    def __init__(self, uow: IdentityUnitOfWork, passwords: OneTimePasswords, clock: Clock) -> None:
        self._uow, self._passwords, self._clock = uow, passwords, clock

    async def execute(self, principal: Principal) -> TwoFactorSetup:
        ensure_may_change(principal)
        secret = self._passwords.new_secret()
        now = self._clock.now()
        async with self._uow as uow:
            user = await the_person(uow.users, principal)
            if user.two_factor_enabled:
                ensure_step_up(replace(principal, two_factor=True), now, "replacing your second factor")
            user.totp_pending_secret = secret
            user.updated_at = now
            await uow.commit()
            email = user.email
        uri = self._passwords.provisioning_uri(secret, email)
        return TwoFactorSetup(provisioning_uri=uri, qr_code=self._passwords.qr_data_uri(uri))
