"""The sandbox's certificate orders: taken at once, finished later (queued -> ok | error)."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any


@dataclass
class SandboxOrder:
    queue_id: int
    order_id: int
    uuid: str
    external_id: str
    product_id: str
    face: int
    region: str
    arguments: dict[str, Any]
    ready_at: float  # time.monotonic() moment the order is finished
    fails: bool  # decided when taken, revealed when finished
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def finished(self) -> bool:
        return time.monotonic() >= self.ready_at

    @property
    def status(self) -> str:
        if not self.finished:
            return "queued"
        return "error" if self.fails else "ok"

    @property
    def expire_date(self) -> str:
        return (self.created_at.date() + timedelta(days=365)).isoformat()

    @property
    def code(self) -> str:
        digest = hashlib.sha256(f"{self.uuid}:{self.queue_id}".encode()).hexdigest().upper()
        return f"SBX-{digest[:4]}-{digest[4:8]}-{digest[8:12]}"

    @property
    def pin(self) -> str:
        digest = hashlib.sha256(f"pin:{self.uuid}".encode()).hexdigest()
        return "" if self.queue_id % 4 == 0 else str(int(digest[:8], 16) % 10000).zfill(4)

    def status_reply(self, base: str) -> dict[str, Any]:
        done = self.status == "ok"
        reply: dict[str, Any] = {
            "status": self.status,
            "id": self.queue_id,
            "order_id": self.order_id if done else None,
            "product_id": self.product_id,
            "face": self.face,
            "sum": self.face if done else None,
            "expire_date": self.expire_date if done else None,
            "link": f"{base}/certificates/{self.queue_id}.pdf" if done else None,
            "external_id": self.external_id or None,
            "uuid": self.uuid or None,
            "testmode": 1,
        }
        if self.status == "error":
            reply["error_code"] = 40
            reply["error_text"] = "SANDBOX: the supplier refused this certificate (simulated failure)"
        return reply


def today() -> date:
    return datetime.now(UTC).date()
