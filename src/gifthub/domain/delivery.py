"""Who delivers an order's certificates, and how GiftHub's own emails are told apart from other emails."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from gifthub.domain.order_errors import InvalidOrder


class DeliveredBy(StrEnum):
    GIFTERY = "giftery"  # Giftery sends email/SMS itself at date_send
    GIFTHUB = "gifthub"  # Giftery only issues the code; GiftHub emails it at the scheduled moment


def parse_delivered_by(text: str, *, field: str = "delivered_by") -> DeliveredBy:
    try:
        return DeliveredBy(text.strip().lower())
    except ValueError:
        raise InvalidOrder(f"delivered_by is giftery or gifthub, not {text!r}", field=field) from None


# Dedup keys of certificate emails: the email capability sends each key once and reports a refusal by
# key, so the key is how a refusal finds its certificate again.
_DELIVERY = "certificate-delivery:"
_RESEND = "resend:"


def delivery_key(certificate_id: UUID) -> str:
    """The scheduled delivery of one certificate: one key, so it is emailed once whoever sends it."""
    return f"{_DELIVERY}{certificate_id}"


def resend_key(certificate_id: UUID, attempt: UUID) -> str:
    """Every resend is an email of its own."""
    return f"{_RESEND}{certificate_id}:{attempt}"


def certificate_of(dedup_key: str) -> UUID | None:
    """The certificate a delivery or resend key belongs to; None for any other email."""
    for prefix in (_DELIVERY, _RESEND):
        if dedup_key.startswith(prefix):
            try:
                return UUID(dedup_key[len(prefix) :].split(":", 1)[0])
            except ValueError:
                return None
    return None
