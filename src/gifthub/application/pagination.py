"""One way to page everywhere: ``limit`` plus an opaque ``cursor``; a page says its ``next_cursor``."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Generic, TypeVar

from gifthub.application.errors import InvalidCursor

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidCursor(f"limit must be between 1 and {MAX_LIMIT}", field="limit")
    return limit


def encode_cursor(*parts: str | int) -> str:
    raw = json.dumps(list(parts), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, arity: int) -> list | None:
    if cursor is None or cursor == "":
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        parts = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise InvalidCursor("cursor is not one this API issued", field="cursor") from None
    if not isinstance(parts, list) or len(parts) != arity:
        raise InvalidCursor("cursor is not one this API issued", field="cursor")
    return parts


def page_of(rows: list[T], limit: int, cursor_of) -> Page[T]:
    """``rows`` was fetched with ``limit + 1``: the extra row only proves there is a next page."""
    if len(rows) > limit:
        rows = rows[:limit]
        return Page(rows, cursor_of(rows[-1]))
    return Page(rows, None)
