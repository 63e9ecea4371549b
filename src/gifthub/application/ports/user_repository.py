from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.user import Membership, ProjectGrant, User


class UserRepository(Protocol):
    def add(self, user: User) -> None: ...

    async def get(self, user_id: UUID) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None:
        """``email`` is already normalized."""
        ...

    async def memberships_of(self, user_id: UUID) -> list[Membership]: ...

    async def grants_of(self, user_id: UUID) -> list[ProjectGrant]: ...

    async def members_of(self, cabinet_id: UUID) -> list[tuple[User, Membership]]: ...

    async def set_membership(self, membership: Membership, grants: list[ProjectGrant]) -> None:
        """Replace the user's role and grants in that cabinet."""
        ...

    async def remove_membership(self, user_id: UUID, cabinet_id: UUID) -> bool: ...
