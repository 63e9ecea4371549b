"""Resolves sessions and API keys to principals; the HTTP guard (and any other edge) calls it."""

from __future__ import annotations

from dataclasses import replace

from gifthub.application.identity.principals import principal_of
from gifthub.application.identity.tokens import matches, token_hash
from gifthub.application.ports.authenticator import SessionPrincipal
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.b2b_code import is_b2b_code
from gifthub.domain.identity import Principal

API_KEY_SEPARATOR = ":"  # Authorization: Bearer <B2B code>:<secret key>


class Authenticate:
    def __init__(self, uow: IdentityUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def session(self, token: str) -> SessionPrincipal | None:
        now = self._clock.now()
        async with self._uow as uow:
            session = await uow.auth_sessions.get_by_token_hash(token_hash(token))
            if session is None or not session.is_live(now):
                return None
            user = await uow.users.get(session.user_id)
            if user is None or not user.status.may_sign_in:
                return None
            principal = replace(
                await principal_of(uow.users, user),
                two_factor=user.two_factor_enabled,
                stepped_up_at=session.stepped_up_at,
            )
            if session.touch(now):
                await uow.commit()
        return SessionPrincipal(principal, session.id, session.csrf_hash)

    async def api_key(self, token: str) -> Principal | None:
        code, separator, secret = token.partition(API_KEY_SEPARATOR)
        if not separator or not is_b2b_code(code) or not secret:
            return None
        async with self._uow as uow:
            client = await uow.api_clients.get_by_b2b_code(code)
        if client is None or not client.is_active or not matches(secret, client.secret_hash):
            return None
        return Principal.api_client(str(client.id), client.cabinet_id, client.project_id)
