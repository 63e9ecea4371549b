"""Errors of the identity capability; the HTTP edge maps each ``code`` to a problem type."""

from __future__ import annotations

from gifthub.domain.errors import DomainError


class InvalidEmail(DomainError):
    code = "invalid-email"


class WeakPassword(DomainError):
    code = "weak-password"


class InvalidRole(DomainError):
    code = "invalid-role"


class EmailTaken(DomainError):
    code = "email-taken"


class InvalidCredentials(DomainError):
    """One answer for an unknown email, a wrong password and a blocked account: no enumeration."""

    code = "invalid-credentials"


class CsrfFailed(DomainError):
    code = "csrf-failed"
