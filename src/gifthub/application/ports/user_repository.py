from __future__ import annotations

from typing import Protocol
from uuid import UUID

from gifthub.domain.user import Membership, ProjectGrant, RecoveryCode, User


class UserRepository(Protocol):
    def add(self, user: User) -> None: ...

    async def get(self, user_id: UUID) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None:
        """``email`` is already normalized."""
        ...

    async def memberships_of(self, user_id: UUID, *, pending: bool = False) -> list[Membership]:
        """Accepted memberships (the roles a principal holds), or with ``pending`` the invitations."""
        ...

    async def membership(self, user_id: UUID, cabinet_id: UUID) -> Membership | None:
        """Accepted or pending."""
        ...

    async def owner_count(self, cabinet_id: UUID) -> int:
        """Accepted owners of the cabinet."""
        ...

    async def grants_of(self, user_id: UUID) -> list[ProjectGrant]: ...

    async def members_of(self, cabinet_id: UUID, *, pending: bool = False) -> list[tuple[User, Membership]]:
        """Accepted members by email, or with ``pending`` the invitations not yet accepted."""
        ...

    async def set_membership(self, membership: Membership, grants: list[ProjectGrant]) -> None:
        """Replace the user's role and grants in that cabinet."""
        ...

    async def remove_membership(self, user_id: UUID, cabinet_id: UUID) -> bool: ...

    async def recovery_codes_of(self, user_id: UUID) -> list[RecoveryCode]: ...

    def add_recovery_codes(self, codes: list[RecoveryCode]) -> None: ...

    async def delete_recovery_codes(self, user_id: UUID) -> None: ...

    async def search(self, text: str, limit: int) -> list[User]:
        """Users whose email contains ``text`` (case-insensitive), by email."""
        ...
