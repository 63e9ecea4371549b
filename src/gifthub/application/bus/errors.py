"""Why a message cannot be processed: malformed ones go to the dead-letter subject, never retried."""

from __future__ import annotations


class MalformedMessage(Exception):
    """The message can never be processed as it is (not JSON, a field missing or invalid).

    The consumer publishes it to ``gifthub.dead.<subject>`` with this reason and moves on.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def require_str(body: dict, name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value:
        raise MalformedMessage(f"field {name!r} must be a non-empty string")
    return value
