"""Who is calling: a guard resolves the bearer token before the body is read; dishka hands it out."""

from __future__ import annotations

from dishka import Provider, Scope, provide
from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers import BaseRouteHandler

from gifthub.application.errors import Unauthenticated
from gifthub.application.ports.authenticator import Authenticator
from gifthub.domain.identity import Principal


async def authenticated(connection: ASGIConnection, _handler: BaseRouteHandler) -> None:
    """Runs before parameters and body are parsed, so an anonymous caller learns nothing more."""
    header = connection.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("send Authorization: Bearer <token>")
    authenticator = await connection.state.dishka_container.get(Authenticator)
    principal = await authenticator.authenticate_bearer(token.strip())
    if principal is None:
        raise Unauthenticated("the token is not valid")
    connection.state.principal = principal


class HttpPrincipalProvider(Provider):
    @provide(scope=Scope.REQUEST)
    def principal(self, request: Request) -> Principal:
        principal = getattr(request.state, "principal", None)
        if principal is None:
            raise Unauthenticated("this route needs the `authenticated` guard")
        return principal
