from __future__ import annotations

from gifthub.application.authorization import ensure_platform_staff
from gifthub.application.pagination import check_limit
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.user import User


class SearchUsers:
    """Back-office: find users by (part of) their email."""

    def __init__(self, uow: IdentityUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, text: str, limit: int) -> list[User]:
        ensure_platform_staff(principal, "search users")
        check_limit(limit)
        async with self._uow as uow:
            return await uow.users.search(text.strip().lower()[:254], limit)
