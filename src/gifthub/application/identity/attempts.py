"""Per-account and per-IP throttles of one kind of attempt (sign-in, 2FA, password reset)."""

from __future__ import annotations

from datetime import datetime

from gifthub.application.identity.tokens import token_hash
from gifthub.application.ports.throttle_repository import ThrottleRepository
from gifthub.domain.throttle import Throttle


class Attempts:
    def __init__(self, throttles: list[Throttle]) -> None:
        self._throttles = throttles

    @classmethod
    async def open(cls, repository: ThrottleRepository, action: str, account: str, ip: str, now: datetime) -> Attempts:
        throttles = [await repository.get_or_new(token_hash(f"{action}:account:{account}"), "account", now)]
        if ip:
            throttles.append(await repository.get_or_new(token_hash(f"{action}:ip:{ip}"), "ip", now))
        attempts = cls(throttles)
        for throttle in throttles:
            throttle.ensure_open(now)
        return attempts

    def failed(self, now: datetime) -> None:
        for throttle in self._throttles:
            throttle.fail(now)

    def succeeded(self, now: datetime) -> None:
        # Only the account is cleared: one good password must not reset a spraying IP.
        self._throttles[0].succeed(now)
