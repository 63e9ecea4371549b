"""Application-level errors: what a use case can refuse beyond the domain's own rules."""

from __future__ import annotations


class ApplicationError(Exception):
    code = "application-error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(ApplicationError):
    """Also what a caller sees for something that exists in another tenant: no existence leak."""

    code = "not-found"


class Forbidden(ApplicationError):
    code = "forbidden"


class Unauthenticated(ApplicationError):
    code = "unauthenticated"


class IdempotencyConflict(ApplicationError):
    """The reference was already used for a different operation (other project, kind or amount)."""

    code = "idempotency-conflict"


class ConcurrencyConflict(ApplicationError):
    """A storage-level race (unique key, serialization failure); the use case may retry."""

    code = "concurrency-conflict"


class InvalidCursor(ApplicationError):
    code = "invalid-cursor"


class InvalidRequest(ApplicationError):
    """A request a use case cannot act on (too short a search, an unknown option); names the field."""

    code = "invalid-request"
