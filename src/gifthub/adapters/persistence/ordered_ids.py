"""Time-ordered UUIDs (RFC 9562 version 7) so outbox rows sort in the order they were written."""

from __future__ import annotations

import os
import threading
import time
from uuid import UUID

_lock = threading.Lock()
_last = (0, 0)  # (unix ms, 12-bit counter)


def uuid7() -> UUID:
    """Monotonic within the process: same-millisecond ids count up, so one commit's events keep their order."""
    global _last
    with _lock:
        millis = time.time_ns() // 1_000_000
        last_millis, counter = _last
        if millis <= last_millis:
            millis, counter = last_millis, counter + 1
            if counter > 0xFFF:
                millis, counter = millis + 1, 0
        else:
            counter = 0
        _last = (millis, counter)
    tail = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (millis << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | tail
    return UUID(int=value)
