"""Email normalization: trimmed, lower-cased, the domain in IDNA (punycode) so one mailbox is one user."""

from __future__ import annotations

import re

from gifthub.domain.identity_errors import InvalidEmail

MAX_LENGTH = 254  # RFC 5321 path limit
_LOCAL = re.compile(r"^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalize_email(value: str, *, field: str = "email") -> str:
    text = str(value).strip().lower()
    if not text:
        raise InvalidEmail("must not be empty", field=field)
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        raise InvalidEmail("must look like name@example.com", field=field)
    if not _LOCAL.match(local) or local.startswith(".") or local.endswith(".") or ".." in local:
        raise InvalidEmail("the part before @ has characters an address may not have", field=field)
    try:
        ascii_domain = domain.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        raise InvalidEmail("the domain is not a valid internationalized domain name", field=field) from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise InvalidEmail("the domain must look like example.com", field=field)
    email = f"{local}@{ascii_domain}"
    if len(email) > MAX_LENGTH:
        raise InvalidEmail(f"must be at most {MAX_LENGTH} characters", field=field)
    return email
