"""The bootstrap platform-administrator token (``GIFTHUB_ADMIN_TOKEN`` or ``var/admin-token``)."""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path

from gifthub.domain.identity import Principal, StaffRole


class StaticTokenAuthenticator:
    def __init__(self, admin_token: str) -> None:
        self._admin_token = admin_token.encode()

    async def authenticate_bearer(self, token: str, ip: str = "") -> Principal | None:
        if hmac.compare_digest(token.encode(), self._admin_token):
            return Principal.staff("bootstrap-admin", StaffRole.PLATFORM_ADMIN)
        return None

    async def authenticate_session(self, token: str, ip: str = "") -> None:
        return None  # the bootstrap token knows no browser sessions


def load_or_create_token(path: Path) -> str:
    """A random token kept beside the embedded database, readable only by its owner."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    path.touch(mode=0o600)
    path.write_text(token + "\n")
    return token
