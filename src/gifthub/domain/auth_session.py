"""A browser session kept on the server: the cookie holds a random token, the table only its hash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
IMPERSONATION_TIMEOUT = timedelta(hours=1)
TOUCH_EVERY = timedelta(minutes=1)  # write last_seen_at at most this often
STEP_UP_VALID = timedelta(minutes=5)  # how long a fresh TOTP confirms payment actions


@dataclass(eq=False)
class AuthSession:
    id: UUID
    token_hash: str
    csrf_hash: str
    user_id: UUID
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    ip: str
    user_agent: str
    revoked_at: datetime | None = None
    stepped_up_at: datetime | None = None  # the last fresh TOTP (payment actions, key changes)
    impersonated_by: str = ""  # a staff member reading as this user: the session is read-only

    def is_live(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at and now - self.last_seen_at < IDLE_TIMEOUT

    def touch(self, now: datetime) -> bool:
        """Slide the idle window; True when the row changed and needs writing."""
        if now - self.last_seen_at < TOUCH_EVERY:
            return False
        self.last_seen_at = now
        return True

    def revoke(self, now: datetime) -> None:
        if self.revoked_at is None:
            self.revoked_at = now
