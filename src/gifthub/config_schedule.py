"""When scheduled work runs (``GIFTHUB_*`` variables), part of the one Settings object.

The billing jobs run inside ``gifthub worker`` and the single-process ``gifthub serve``; each run happens
once across every process sharing the database (a lease row, see entrypoints/jobs/scheduler.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time


class ScheduleSettingsError(ValueError):
    pass


@dataclass(frozen=True)
class ScheduleSettings:
    expire_invoices_minutes: int = 60  # GIFTHUB_EXPIRE_INVOICES_MINUTES (0: off)
    credit_pending_minutes: int = 5  # GIFTHUB_CREDIT_PENDING_MINUTES (0: off)
    # GIFTHUB_INVOICE_REGISTRY_AT: the daily registry of yesterday's invoices, at this time of the
    # platform's accounting zone (Moscow); None: off.
    invoice_registry_at: time | None = time(0, 30)
    tick_seconds: float = 15.0  # how often a scheduler looks for due work
    lease_minutes: float = 15.0  # a run another process may take over when its holder died

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ScheduleSettings:
        return cls(
            expire_invoices_minutes=_minutes(env, "GIFTHUB_EXPIRE_INVOICES_MINUTES", 60),
            credit_pending_minutes=_minutes(env, "GIFTHUB_CREDIT_PENDING_MINUTES", 5),
            invoice_registry_at=_time_of_day(env, "GIFTHUB_INVOICE_REGISTRY_AT", time(0, 30)),
        )


def _minutes(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) > 7 * 24 * 60:
        raise ScheduleSettingsError(f"{name}={raw!r} must be whole minutes, 0 (off) to {7 * 24 * 60}")
    return int(raw)


def _time_of_day(env: Mapping[str, str], name: str, default: time) -> time | None:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if raw.lower() == "off":
        return None
    try:
        return time.fromisoformat(raw) if len(raw) == 5 and raw[2] == ":" else _refuse(name, raw)
    except ValueError:
        return _refuse(name, raw)


def _refuse(name: str, raw: str) -> time:
    raise ScheduleSettingsError(f"{name}={raw!r} must be a time of day HH:MM (Moscow time) or off")
