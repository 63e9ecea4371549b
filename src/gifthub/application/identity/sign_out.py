from __future__ import annotations

from gifthub.application.identity.tokens import token_hash
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork


class SignOut:
    """Ends the browser session whose token the cookie holds; harmless for an unknown one."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, session_token: str) -> None:
        async with self._uow as uow:
            session = await uow.auth_sessions.get_by_token_hash(token_hash(session_token))
            if session is not None:
                session.revoke(self._clock.now())
                await uow.commit()
