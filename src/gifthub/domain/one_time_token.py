"""Single-use, expiring tokens sent by email (invitation, password reset); only their hash is kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from gifthub.domain.errors import DomainError


class TokenPurpose(StrEnum):
    INVITATION = "invitation"
    PASSWORD_RESET = "password_reset"


LIFETIME = {TokenPurpose.INVITATION: timedelta(days=7), TokenPurpose.PASSWORD_RESET: timedelta(hours=1)}


class InvalidToken(DomainError):
    """Unknown, expired or already used: one answer for all three."""

    code = "invalid-token"


@dataclass(eq=False)
class OneTimeToken:
    token_hash: str
    purpose: TokenPurpose
    user_id: UUID
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None

    def spend(self, purpose: TokenPurpose, now: datetime) -> None:
        if self.purpose is not purpose or self.used_at is not None or now >= self.expires_at:
            raise InvalidToken("the link is invalid, expired or already used; ask for a new one", field="token")
        self.used_at = now
