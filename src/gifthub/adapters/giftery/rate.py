"""A token bucket that paces request starts to a steady rate (GCRA form: no background refill task)."""

from __future__ import annotations

import asyncio
import time


class TokenBucket:
    def __init__(self, rate: float, burst: int = 1) -> None:
        """``rate`` tokens per second (0 or less: unlimited); ``burst`` tokens may be spent at once."""
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._burst = max(1, burst)
        self._next = 0.0

    async def acquire(self) -> None:
        if self._interval == 0.0:
            return
        now = time.monotonic()
        # The earliest moment this request may start; reserving it before sleeping keeps the order fair.
        slot = max(now - (self._burst - 1) * self._interval, self._next)
        self._next = slot + self._interval
        delay = slot - now
        if delay > 0:
            await asyncio.sleep(delay)
