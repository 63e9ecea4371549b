"""The wire rules both the client and the sandbox follow (shared/reference/external-systems.md, section 1)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

# Error codes the sandbox uses. Giftery's own list is not published: the client only relies on
# ORDER_NOT_FOUND (configurable) to tell "no such order" from other refusals.
BAD_SIGNATURE = 1
BAD_REQUEST = 2
UNKNOWN_COMMAND = 3
INSUFFICIENT_FUNDS = 10
PRODUCT_INACTIVE = 11
FACE_NOT_ALLOWED = 12
ORDER_NOT_FOUND = 20
ORDER_NOT_READY = 21
TEMPORARILY_UNAVAILABLE = 30


def encode_data(arguments: dict[str, Any] | None) -> str:
    """Serialize once, compactly: the signature covers exactly this string and it is sent as is."""
    if not arguments:
        return "{}"
    return json.dumps(arguments, separators=(",", ":"), ensure_ascii=True)


def sign(cmd: str, data: str, secret: str) -> str:
    return hashlib.sha256((cmd + data + secret).encode()).hexdigest()
