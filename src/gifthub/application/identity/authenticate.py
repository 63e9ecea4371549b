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

    async def session(self, token: str, ip: str = "") -> SessionPrincipal | None:
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
            principal = await self._within_policies(uow, principal, ip)
            if session.impersonated_by:
                principal = replace(principal, read_only=True, on_behalf_of=session.impersonated_by)
            if session.touch(now):
                await uow.commit()
        return SessionPrincipal(principal, session.id, session.csrf_hash)

    @staticmethod
    async def _within_policies(uow: IdentityUnitOfWork, principal: Principal, ip: str) -> Principal:
        """Drops the cabinets whose policy this session does not meet (an allow-list without this IP,
        or 2FA required and not enabled): the user signs in, but those cabinets stay closed."""
        if not principal.memberships:
            return principal
        closed = {
            policy.cabinet_id
            for policy in await uow.cabinet_policies.of_cabinets(principal.memberships)
            if not policy.allows_ip(ip) or (policy.require_two_factor and not principal.two_factor)
        }
        if not closed:
            return principal
        open_roles = {c: r for c, r in principal.memberships.items() if c not in closed}
        grants = frozenset(principal.granted_projects)  # grants of closed cabinets are unreachable anyway
        return replace(
            Principal.user(principal.id, open_roles, grants),
            two_factor=principal.two_factor,
            stepped_up_at=principal.stepped_up_at,
        )

    async def api_key(self, token: str, ip: str = "") -> Principal | None:
        code, separator, secret = token.partition(API_KEY_SEPARATOR)
        if not separator or not is_b2b_code(code) or not secret:
            return None
        async with self._uow as uow:
            client = await uow.api_clients.get_by_b2b_code(code)
            policy = await uow.cabinet_policies.get(client.cabinet_id) if client is not None else None
        if client is None or not client.is_active or not matches(secret, client.secret_hash):
            return None
        if policy is not None and not policy.allows_ip(ip):
            return None  # the cabinet's allow-list does not include this address
        return Principal.api_client(str(client.id), client.cabinet_id, client.project_id)
