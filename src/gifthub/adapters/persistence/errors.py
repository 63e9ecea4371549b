"""Map driver errors to port-level ones so the application never sees SQLAlchemy."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from gifthub.application.errors import ConcurrencyConflict

# PostgreSQL: serialization_failure, deadlock_detected, unique_violation.
_RETRYABLE_SQLSTATES = {"40001", "40P01", "23505"}


def is_retryable(error: DBAPIError) -> bool:
    if isinstance(error, IntegrityError):
        return True
    sqlstate = getattr(getattr(error, "orig", None), "sqlstate", None) or getattr(
        getattr(error, "orig", None), "pgcode", None
    )
    if sqlstate in _RETRYABLE_SQLSTATES:
        return True
    return isinstance(error, OperationalError) and "database is locked" in str(error)


def as_port_error(error: DBAPIError) -> Exception:
    if is_retryable(error):
        return ConcurrencyConflict("a concurrent change won the race; try again")
    return error
