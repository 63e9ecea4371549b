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


class TwoFactorRequired(DomainError):
    """The password was right; now the TOTP (or a recovery code) is needed in ``otp``."""

    code = "two-factor-required"


class TwoFactorFailed(DomainError):
    """A wrong, expired or already used TOTP or recovery code."""

    code = "two-factor-failed"


class StepUpRequired(DomainError):
    """A money-moving action (submitting an order or a quick order, paying orders from the balance, issuing
    an invoice, placing a hold), a key, policy or second-factor change needs a fresh second factor from a
    person with 2FA: POST /api/v1/auth/step-up with a current code, then repeat the request within
    ``valid_seconds``. API keys never need it."""

    code = "step-up-required"
    step_up = "/api/v1/auth/step-up"


class LastOwner(DomainError):
    """The change would leave the cabinet without an owner: make someone else owner first."""

    code = "last-owner"


class PolicyLocksYouOut(DomainError):
    """A security policy that would shut out the person setting it (2FA required while they have none, or
    an allow-list without the address they are using): turn 2FA on, or list your own network, first."""

    code = "policy-locks-you-out"


class AlreadyMember(DomainError):
    """The person already belongs to this cabinet: change their role instead of inviting them."""

    code = "already-member"
