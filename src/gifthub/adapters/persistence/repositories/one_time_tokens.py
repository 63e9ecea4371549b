from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.domain.one_time_token import OneTimeToken


class SqlOneTimeTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, token: OneTimeToken) -> None:
        self._session.add(token)

    async def get(self, token_hash: str) -> OneTimeToken | None:
        return await self._session.get(OneTimeToken, token_hash, with_for_update=True)
