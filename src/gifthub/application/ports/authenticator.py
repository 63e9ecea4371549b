from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from gifthub.domain.identity import Principal


@dataclass(frozen=True)
class SessionPrincipal:
    """Who a browser session stands for, and the hash of its CSRF token for state-changing requests."""

    principal: Principal
    session_id: UUID
    csrf_hash: str


class Authenticator(Protocol):
    async def authenticate_bearer(self, token: str, ip: str = "") -> Principal | None:
        """The principal a bearer token stands for, or None for an unknown, revoked or expired one."""
        ...

    async def authenticate_session(self, token: str, ip: str = "") -> SessionPrincipal | None:
        """The principal of a live browser session (sliding its idle timeout), or None."""
        ...
