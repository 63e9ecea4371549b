"""Who is calling: a guard resolves the bearer token or the session cookie before the body is read;
dishka hands the Principal out.

Machines send ``Authorization: Bearer <token>`` (the bootstrap admin token or ``<B2B code>:<secret>``).
Browsers carry the ``gifthub_session`` cookie; a state-changing cookie request must also echo the
session's CSRF token in ``X-CSRF-Token`` (synchronizer token, also offered in the ``gifthub_csrf`` cookie).
Routes marked ``opt={"public": True}`` (sign-in, ...) need neither.
"""

from __future__ import annotations

from dataclasses import replace

from dishka import Provider, Scope, provide
from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers import BaseRouteHandler

from gifthub.application.errors import Unauthenticated
from gifthub.application.identity.tokens import matches
from gifthub.application.ports.authenticator import Authenticator
from gifthub.domain.identity import Principal
from gifthub.domain.identity_errors import CsrfFailed

SESSION_COOKIE = "gifthub_session"
CSRF_COOKIE = "gifthub_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_TOKEN_LENGTH = 512


def _ip(connection: ASGIConnection) -> str:
    return connection.client.host if connection.client else ""


def is_public(handler: BaseRouteHandler) -> bool:
    return bool(handler.opt.get("public"))


async def authenticated(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    """Runs before parameters and body are parsed, so an anonymous caller learns nothing more."""
    if is_public(handler):
        return
    authenticator = await connection.state.dishka_container.get(Authenticator)
    header = connection.headers.get("authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_LENGTH:
            raise Unauthenticated("send Authorization: Bearer <token>")
        principal = await authenticator.authenticate_bearer(token, _ip(connection))
        if principal is None:
            raise Unauthenticated("the token is not valid")
        connection.state.principal = replace(principal, ip=_ip(connection))
        return
    cookie = connection.cookies.get(SESSION_COOKIE, "")
    if not cookie or len(cookie) > MAX_TOKEN_LENGTH:
        raise Unauthenticated("sign in, or send Authorization: Bearer <token>")
    found = await authenticator.authenticate_session(cookie, _ip(connection))
    if found is None:
        raise Unauthenticated("the session has ended; sign in again")
    if connection.scope.get("method", "GET") not in SAFE_METHODS:
        csrf = connection.headers.get(CSRF_HEADER, "")
        if not csrf or len(csrf) > MAX_TOKEN_LENGTH or not matches(csrf, found.csrf_hash):
            raise CsrfFailed("send the session's CSRF token in the X-CSRF-Token header", field="X-CSRF-Token")
    connection.state.principal = replace(found.principal, ip=_ip(connection))
    connection.state.session_id = found.session_id


class HttpPrincipalProvider(Provider):
    @provide(scope=Scope.REQUEST)
    def principal(self, request: Request) -> Principal:
        principal = getattr(request.state, "principal", None)
        if principal is None:
            raise Unauthenticated("this route needs the `authenticated` guard")
        return principal
