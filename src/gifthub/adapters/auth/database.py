"""The authenticator of the running platform: the bootstrap admin token, API keys and browser sessions."""

from __future__ import annotations

from gifthub.adapters.auth.static_token import StaticTokenAuthenticator
from gifthub.application.identity.authenticate import Authenticate
from gifthub.application.ports.authenticator import SessionPrincipal
from gifthub.domain.identity import Principal


class IdentityAuthenticator:
    def __init__(self, bootstrap: StaticTokenAuthenticator, authenticate: Authenticate) -> None:
        self._bootstrap, self._authenticate = bootstrap, authenticate

    async def authenticate_bearer(self, token: str, ip: str = "") -> Principal | None:
        principal = await self._bootstrap.authenticate_bearer(token)
        if principal is not None:
            return principal
        return await self._authenticate.api_key(token, ip)

    async def authenticate_session(self, token: str, ip: str = "") -> SessionPrincipal | None:
        return await self._authenticate.session(token, ip)
