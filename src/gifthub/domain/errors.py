"""Typed domain errors. Each carries a stable ``code`` that edges map to problem types."""

from __future__ import annotations


class DomainError(Exception):
    code = "domain-error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidAmount(DomainError):
    code = "invalid-amount"


class CurrencyMismatch(DomainError):
    code = "currency-mismatch"


class InvalidReference(DomainError):
    code = "invalid-reference"


class InvalidName(DomainError):
    code = "invalid-name"


class InsufficientFunds(DomainError):
    """Refused because ``available`` would go below zero; says how much is available."""

    code = "insufficient-funds"

    def __init__(self, *, requested: object, available: object) -> None:
        super().__init__(f"insufficient funds: requested {requested}, available {available}")
        self.requested = requested
        self.available = available


class HoldClosed(DomainError):
    code = "hold-closed"


class HoldExceeded(DomainError):
    code = "hold-exceeded"


class ProjectFrozen(DomainError):
    code = "project-frozen"


class InvalidLimit(DomainError):
    code = "invalid-limit"
