"""Emails of the identity capability, recorded in the outbox (the email consumer renders and sends them)."""

from __future__ import annotations

from datetime import datetime

from gifthub.application.identity.tokens import new_token, token_hash
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.events import EmailRequested
from gifthub.domain.one_time_token import LIFETIME, OneTimeToken, TokenPurpose
from gifthub.domain.user import User


def request_email(uow: IdentityUnitOfWork, user: User, template: str, now: datetime, **context: str) -> None:
    uow.record(
        EmailRequested(
            occurred_at=now,
            to=user.email,
            template=template,
            context={"email": user.email, **context},
            timezone=user.time_zone,
            dedup_key=f"{template}:{user.id}:{context.get('token_id', now.isoformat())}",
        )
    )


def email_token(uow: IdentityUnitOfWork, user: User, purpose: TokenPurpose, now: datetime, **context: str) -> None:
    """A single-use token for the link in the email; the database keeps only its hash."""
    token = new_token()
    hashed = token_hash(token)
    uow.one_time_tokens.add(OneTimeToken(hashed, purpose, user.id, now, now + LIFETIME[purpose]))
    expires = (now + LIFETIME[purpose]).isoformat()
    request_email(uow, user, purpose.value, now, token=token, token_id=hashed[:16], expires_at=expires, **context)
