"""HTTP statuses of the identity errors (spliced into problems._STATUS_BY_ERROR)."""

from __future__ import annotations

from gifthub.domain.identity_errors import (
    AlreadyMember,
    CsrfFailed,
    EmailTaken,
    InvalidCredentials,
    LastOwner,
    StepUpRequired,
    TwoFactorFailed,
    TwoFactorRequired,
)
from gifthub.domain.one_time_token import InvalidToken
from gifthub.domain.throttle import TooManyAttempts

IDENTITY_PROBLEMS: list[tuple[type[Exception], int, str]] = [
    (InvalidCredentials, 401, "Sign-in failed"),
    (CsrfFailed, 403, "CSRF check failed"),
    (EmailTaken, 409, "Email already registered"),
    (TwoFactorRequired, 401, "Two-factor code required"),
    (TwoFactorFailed, 422, "Two-factor code refused"),
    (StepUpRequired, 403, "Fresh two-factor code required"),
    (TooManyAttempts, 429, "Too many attempts"),
    (InvalidToken, 410, "Link invalid or expired"),
    (LastOwner, 409, "The cabinet needs an owner"),
    (AlreadyMember, 409, "Already a member"),
]
