from __future__ import annotations

import secrets
from dataclasses import replace

from gifthub.application.authorization import ensure_may_change, ensure_step_up
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.emails import request_email
from gifthub.application.identity.person import the_person
from gifthub.application.identity.second_factor import normalize_recovery_code
from gifthub.application.identity.tokens import token_hash
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.one_time_passwords import OneTimePasswords
from gifthub.domain.email_messages import TwoFactorChangedEmail
from gifthub.domain.identity import Principal
from gifthub.domain.identity_errors import TwoFactorFailed
from gifthub.domain.user import RecoveryCode

RECOVERY_CODES = 10
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 symbols: 16 of them carry 80 bits


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class EnableTwoFactor:
    """Confirms the pending seed with a first code; returns the recovery codes, shown this once. When a
    second factor is already active, the swap needs a fresh step-up with it (as the setup did)."""

    def __init__(self, uow: IdentityUnitOfWork, passwords: OneTimePasswords, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._passwords, self._clock, self._ids = uow, passwords, clock, ids

    async def execute(self, principal: Principal, code: str) -> list[str]:
        ensure_may_change(principal)
        now = self._clock.now()
        async with self._uow as uow:
            user = await the_person(uow.users, principal)
            if user.totp_pending_secret is None:
                raise TwoFactorFailed("start the setup first: POST /api/v1/auth/2fa/setup", field="code")
            replacing = user.two_factor_enabled
            if replacing:
                ensure_step_up(replace(principal, two_factor=True), now, "replacing your second factor")
            step = self._passwords.matching_step(user.totp_pending_secret, code, now)
            if step is None:
                raise TwoFactorFailed("the code does not match; check the authenticator app's clock", field="code")
            user.totp_secret, user.totp_pending_secret = user.totp_pending_secret, None
            user.totp_enabled_at, user.totp_last_step, user.updated_at = now, step, now
            codes = [new_recovery_code() for _ in range(RECOVERY_CODES)]
            await uow.users.delete_recovery_codes(user.id)
            uow.users.add_recovery_codes(
                [RecoveryCode(self._ids.new_id(), user.id, token_hash(normalize_recovery_code(c)), now) for c in codes]
            )
            audit(
                uow, self._ids.new_id(), now, principal, "user.2fa_replaced" if replacing else "user.2fa_enabled",
                target=f"user:{user.id}", before={"two_factor": replacing}, after={"two_factor": True},
            )  # fmt: skip
            changed = TwoFactorChangedEmail(
                email=user.email, change="replaced" if replacing else "enabled", changed_at=now.isoformat()
            )
            request_email(uow, user, changed, now)
            await uow.commit()
        return codes
