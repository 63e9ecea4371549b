"""Emails of the identity capability, recorded in the outbox (the email consumer renders and sends them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gifthub.application.identity.tokens import new_token, token_hash
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.email_messages import EmailMessage
from gifthub.domain.events import EmailRequested
from gifthub.domain.one_time_token import LIFETIME, OneTimeToken, TokenPurpose
from gifthub.domain.user import User


@dataclass(frozen=True)
class IssuedToken:
    token: str  # goes into the email only
    token_id: str  # a prefix of the hash: names the email for de-duplication
    expires_at: str


def request_email(uow: IdentityUnitOfWork, user: User, message: EmailMessage, now: datetime, key: str = "") -> None:
    """One email per (template, user, key); ``key`` defaults to the moment, so each request sends."""
    uow.record(
        EmailRequested.of(
            message,
            to=user.email,
            occurred_at=now,
            timezone=user.time_zone,
            language=user.language,
            dedup_key=f"{message.template}:{user.id}:{key or now.isoformat()}",
        )
    )


def issue_token(uow: IdentityUnitOfWork, user: User, purpose: TokenPurpose, now: datetime) -> IssuedToken:
    """A single-use token for the link in the email; the database keeps only its hash."""
    token = new_token()
    hashed = token_hash(token)
    uow.one_time_tokens.add(OneTimeToken(hashed, purpose, user.id, now, now + LIFETIME[purpose]))
    return IssuedToken(token, hashed[:16], (now + LIFETIME[purpose]).isoformat())
