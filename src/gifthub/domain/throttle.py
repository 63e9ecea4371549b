"""Growing delays after failed sign-in, 2FA and password-reset attempts, per account and per IP.

Kept in the database so every process agrees. After ``free`` failures each further one doubles the
wait (1 s, 2 s, 4 s ... up to 15 minutes); a success on the account, or an hour of quiet, clears it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from gifthub.domain.errors import DomainError

MAX_DELAY = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=1)
FREE_ATTEMPTS = {"account": 5, "ip": 20}


class TooManyAttempts(DomainError):
    code = "too-many-attempts"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many attempts; try again in {retry_after} seconds")
        self.retry_after = retry_after


@dataclass(eq=False)
class Throttle:
    key_hash: str  # SHA-256 of "<action>:<account or ip>": no emails of strangers stored in clear
    kind: str  # "account" or "ip"
    failures: int
    updated_at: datetime
    locked_until: datetime | None = None

    def ensure_open(self, now: datetime) -> None:
        if self.locked_until is not None and now < self.locked_until:
            raise TooManyAttempts(max(1, int((self.locked_until - now).total_seconds() + 0.999)))

    def fail(self, now: datetime) -> None:
        if now - self.updated_at > FORGET_AFTER:
            self.failures = 0
        self.failures += 1
        self.updated_at = now
        free = FREE_ATTEMPTS.get(self.kind, 5)
        if self.failures >= free:
            delay = min(timedelta(seconds=2 ** min(self.failures - free, 20)), MAX_DELAY)
            self.locked_until = now + delay

    def succeed(self, now: datetime) -> None:
        self.failures, self.locked_until, self.updated_at = 0, None, now
