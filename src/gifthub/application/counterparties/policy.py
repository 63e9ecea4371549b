from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CounterpartiesPolicy:
    """Platform-side facts the use cases need (from configuration): who hears about new companies."""

    staff_email: str
