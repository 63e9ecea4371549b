from __future__ import annotations

from typing import Protocol

from gifthub.domain.identity import Principal


class Authenticator(Protocol):
    async def authenticate_bearer(self, token: str) -> Principal | None:
        """The principal a bearer token stands for, or None for an unknown, revoked or expired one."""
        ...
