"""How to reach Giftery (or the sandbox). Built from settings by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field

from gifthub.adapters.giftery.protocol import ORDER_NOT_FOUND


@dataclass(frozen=True)
class GifteryConfig:
    url: str
    client_id: str
    secret: str = field(repr=False)
    rate: float = 10.0  # request starts per second across the process; 0 = unlimited
    timeout: float = 15.0  # seconds per request
    max_concurrency: int = 8  # requests in flight at once
    # ASSUMPTION: getStatus accepts {"uuid": ...} (or {"external_id": ...}) as well as {"id": queue id}.
    # Giftery does not document a lookup by our key; switch to "external_id" if that is what works.
    order_lookup: str = "uuid"
    not_found_codes: frozenset[int] = frozenset({ORDER_NOT_FOUND})  # error codes meaning "no such order"
    make_order_attempts: int = 2  # a resend happens only after getStatus proved the first was not taken
    version: str | None = None  # Giftery's optional ``v`` parameter
