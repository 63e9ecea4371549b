"""What ordering use cases refuse beyond the domain's rules."""

from __future__ import annotations

from gifthub.application.errors import ApplicationError


class UnknownProduct(ApplicationError):
    code = "unknown-product"


class IdempotencyKeyReused(ApplicationError):
    """The same Idempotency-Key came with a different request."""

    code = "idempotency-key-reused"


class InvalidUpload(ApplicationError):
    """An XLSX file that cannot be read as an order list; the message names row and column."""

    code = "invalid-upload"
