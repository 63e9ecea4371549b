"""The shared step of every emailed link: spend its single-use token and set the account's password."""

from __future__ import annotations

from datetime import datetime

from gifthub.application.identity.tokens import token_hash
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.password_hasher import PasswordHasher
from gifthub.domain.one_time_token import InvalidToken, TokenPurpose
from gifthub.domain.password_policy import check_password
from gifthub.domain.user import User, UserStatus

_INVALID = "the link is invalid, expired or already used; ask for a new one"


async def redeem_with_password(
    uow: IdentityUnitOfWork, hasher: PasswordHasher, token: str, purpose: TokenPurpose,
    expected: UserStatus, password: str, now: datetime,
) -> User:  # fmt: skip
    """One answer for unknown, expired, used and wrong-account tokens; a weak password spends nothing
    (the caller's transaction is not committed)."""
    stored = await uow.one_time_tokens.get(token_hash(token))
    if stored is None:
        raise InvalidToken(_INVALID, field="token")
    stored.spend(purpose, now)
    user = await uow.users.get(stored.user_id)
    if user is None or user.status is not expected:
        raise InvalidToken(_INVALID, field="token")
    check_password(password, email=user.email)
    user.password_hash = hasher.hash(password)
    user.updated_at = now
    return user
