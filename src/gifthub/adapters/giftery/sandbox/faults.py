"""Faults the sandbox can be told to produce, from CLI flags or ``POST /control/faults``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass
class Faults:
    latency: float = 0.0  # seconds added before every API reply
    http_error_rate: float = 0.0  # share of API calls answered HTTP 500 without being processed
    error_reply_rate: float = 0.0  # share answered {"status": "error"} (code 30) without being processed
    hang_after_order_rate: float = 0.0  # share of makeOrder calls that TAKE the order, then do not reply in time
    hang_seconds: float = 30.0  # how long such a reply is held back
    status_delay: float = 0.0  # seconds added before every getStatus reply (slow status)
    processing_seconds: float = 0.0  # how long a taken order stays "queued"
    order_failure_rate: float = 0.0  # share of taken orders that end in status "error"
    commands: list[str] | None = None  # limit http_error_rate / error_reply_rate to these commands
    # ASSUMPTION about the real API: getStatus finds an order by our uuid / external_id. Switch off to
    # emulate a Giftery that only knows queue ids (then the client cannot reconcile a lost reply).
    lookup_by_uuid: bool = True

    def update(self, changes: dict[str, Any]) -> None:
        known = {f.name: f for f in fields(self)}
        for name, value in changes.items():
            if name not in known:
                raise ValueError(f"unknown fault {name!r}; known: {', '.join(known)}")
            current = getattr(self, name)
            if name == "commands":
                value = None if value is None else [str(c) for c in value]
            elif isinstance(current, bool):
                value = bool(value)
            else:
                value = float(value)
                if value < 0 or (name.endswith("_rate") and value > 1):
                    raise ValueError(f"{name} must be >= 0 (and a rate at most 1)")
            setattr(self, name, value)

    def applies_to(self, cmd: str) -> bool:
        return self.commands is None or cmd in self.commands

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
