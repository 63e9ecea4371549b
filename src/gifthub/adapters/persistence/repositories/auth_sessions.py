from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_identity import auth_sessions
from gifthub.domain.auth_session import AuthSession


class SqlAuthSessionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, auth_session: AuthSession) -> None:
        self._session.add(auth_session)

    async def get(self, session_id: UUID) -> AuthSession | None:
        return await self._session.get(AuthSession, session_id)

    async def get_by_token_hash(self, token_hash: str) -> AuthSession | None:
        result = await self._session.execute(select(AuthSession).where(auth_sessions.c.token_hash == token_hash))
        return result.scalar_one_or_none()

    async def revoke_all_of(self, user_id: UUID, at: datetime) -> int:
        result = await self._session.execute(
            update(auth_sessions)
            .where(auth_sessions.c.user_id == user_id, auth_sessions.c.revoked_at.is_(None))
            .values(revoked_at=at)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount or 0
