"""Recipient contacts: an email address and a phone number, cleaned and checked the same way everywhere."""

from __future__ import annotations

import re

from gifthub.domain.errors import DomainError


class InvalidContact(DomainError):
    code = "invalid-contact"


# Pragmatic, not RFC 5322: one @, a dotted domain, no spaces; what mail servers accept in practice.
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9\-]+)+$"
)
_INVISIBLE_CHARS = "\u00a0\u2007\u202f\u200b\u200c\u200d\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), None)
_SPACE_INSIDE = re.compile(f"[\\s{_INVISIBLE_CHARS}]")


def clean_email(value: str, *, field: str = "email") -> str:
    """Strips surrounding spaces, including the non-breaking ones spreadsheets paste in; one inside the
    address is refused (guessing where it belongs could send a gift to a stranger)."""
    text = str(value).strip().strip(_INVISIBLE_CHARS).strip()
    if not text:
        return ""
    if len(text) > 254 or not _EMAIL.match(text):
        # The pattern admits no space of any kind: look for one only to say what is wrong.
        if _SPACE_INSIDE.search(text):
            raise InvalidContact(f"{text!r} contains a space or a non-breaking space inside the address", field=field)
        raise InvalidContact(f"{text!r} is not an email address", field=field)
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"


def clean_phone(value: str, *, field: str = "phone") -> str:
    """Giftery wants 11 digits starting with 7 (RU, KZ); 8XXXXXXXXXX is read as 7XXXXXXXXXX."""
    raw = str(value).translate(_INVISIBLE).strip()
    if not raw:
        return ""
    digits = re.sub(r"[\s()\-+]", "", raw)
    if not digits.isdigit():
        raise InvalidContact(f"{raw!r} is not a phone number", field=field)
    if len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]
    if len(digits) != 11 or not digits.startswith("7"):
        raise InvalidContact(f"{raw!r} is not a phone number: expected 11 digits starting with 7", field=field)
    return digits
