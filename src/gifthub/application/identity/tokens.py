"""Random bearer secrets (session tokens, CSRF tokens, API secrets) and the hash we keep of them.

They carry 256 random bits, so a plain SHA-256 is enough to store them: no dictionary to attack.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def matches(token: str, stored_hash: str) -> bool:
    return hmac.compare_digest(token_hash(token), stored_hash)
