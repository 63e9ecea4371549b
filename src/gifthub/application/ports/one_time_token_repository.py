from __future__ import annotations

from typing import Protocol

from gifthub.domain.one_time_token import OneTimeToken


class OneTimeTokenRepository(Protocol):
    def add(self, token: OneTimeToken) -> None: ...

    async def get(self, token_hash: str) -> OneTimeToken | None: ...
