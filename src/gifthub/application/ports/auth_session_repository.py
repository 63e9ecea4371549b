from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from gifthub.domain.auth_session import AuthSession


class AuthSessionRepository(Protocol):
    def add(self, session: AuthSession) -> None: ...

    async def get(self, session_id: UUID) -> AuthSession | None: ...

    async def get_by_token_hash(self, token_hash: str) -> AuthSession | None: ...

    async def revoke_all_of(self, user_id: UUID, at: datetime) -> int:
        """Sign out everywhere: every live session of the user; returns how many."""
        ...
