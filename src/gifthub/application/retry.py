"""Retry a whole transaction after a storage-level race (two writers, one unique key)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from gifthub.application.errors import ConcurrencyConflict

T = TypeVar("T")


async def retrying(operation: Callable[[], Awaitable[T]], attempts: int = 5) -> T:
    for attempt in range(1, attempts + 1):
        try:
            return await operation()
        except ConcurrencyConflict:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")
