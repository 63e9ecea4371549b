"""Checks a TOTP or a recovery code for a user, refusing a TOTP replayed within its window."""

from __future__ import annotations

from datetime import datetime

from gifthub.application.identity.tokens import token_hash
from gifthub.application.ports.one_time_passwords import OneTimePasswords
from gifthub.application.ports.user_repository import UserRepository
from gifthub.domain.user import User


async def accept_second_factor(
    users: UserRepository, passwords: OneTimePasswords, user: User, otp: str, now: datetime
) -> bool:
    """True (and the code is spent) for a fresh TOTP or an unused recovery code."""
    if user.totp_secret is None:
        return False
    step = passwords.matching_step(user.totp_secret, otp, now)
    if step is not None:
        if user.totp_last_step is not None and step <= user.totp_last_step:
            return False  # the same (or an older) code again: a replay
        user.totp_last_step = step
        return True
    wanted = token_hash(normalize_recovery_code(otp))
    for code in await users.recovery_codes_of(user.id):
        if code.used_at is None and code.code_hash == wanted:
            code.used_at = now
            return True
    return False


def normalize_recovery_code(text: str) -> str:
    return text.strip().upper().replace("-", "").replace(" ", "")
