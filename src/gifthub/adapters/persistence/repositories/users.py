from __future__ import annotations

from uuid import UUID

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_identity import cabinet_memberships, project_grants, recovery_codes, users
from gifthub.domain.identity import CabinetRole
from gifthub.domain.user import Membership, ProjectGrant, RecoveryCode, User


class SqlUserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, user: User) -> None:
        self._session.add(user)

    async def get(self, user_id: UUID) -> User | None:
        return await self._session.get(User, user_id)

    async def get_by_email(self, email: str) -> User | None:
        result = await self._session.execute(select(User).where(users.c.email == email))
        return result.scalar_one_or_none()

    async def memberships_of(self, user_id: UUID, *, pending: bool = False) -> list[Membership]:
        accepted = cabinet_memberships.c.accepted_at
        query = select(Membership).where(
            cabinet_memberships.c.user_id == user_id, accepted.is_(None) if pending else accepted.is_not(None)
        )
        return list((await self._session.execute(query.order_by(cabinet_memberships.c.created_at))).scalars())

    async def membership(self, user_id: UUID, cabinet_id: UUID) -> Membership | None:
        return await self._session.get(Membership, (user_id, cabinet_id))

    async def owner_count(self, cabinet_id: UUID) -> int:
        query = select(func.count()).where(
            cabinet_memberships.c.cabinet_id == cabinet_id,
            cabinet_memberships.c.role == CabinetRole.OWNER,
            cabinet_memberships.c.accepted_at.is_not(None),
        )
        return int((await self._session.execute(query)).scalar_one())

    async def grants_of(self, user_id: UUID) -> list[ProjectGrant]:
        query = select(ProjectGrant).where(project_grants.c.user_id == user_id)
        return list((await self._session.execute(query)).scalars())

    async def members_of(self, cabinet_id: UUID, *, pending: bool = False) -> list[tuple[User, Membership]]:
        accepted = cabinet_memberships.c.accepted_at
        query = (
            select(User, Membership)
            .join(cabinet_memberships, cabinet_memberships.c.user_id == users.c.id)
            .where(cabinet_memberships.c.cabinet_id == cabinet_id)
            .where(accepted.is_(None) if pending else accepted.is_not(None))
            .order_by(users.c.email)
        )
        return [(row[0], row[1]) for row in await self._session.execute(query)]

    async def set_membership(self, membership: Membership, grants: list[ProjectGrant]) -> None:
        await self._forget(membership.user_id, membership.cabinet_id)
        self._session.add(membership)
        self._session.add_all(grants)

    async def remove_membership(self, user_id: UUID, cabinet_id: UUID) -> bool:
        return await self._forget(user_id, cabinet_id) > 0

    async def recovery_codes_of(self, user_id: UUID) -> list[RecoveryCode]:
        query = select(RecoveryCode).where(recovery_codes.c.user_id == user_id)
        return list((await self._session.execute(query)).scalars())

    def add_recovery_codes(self, codes: list[RecoveryCode]) -> None:
        self._session.add_all(codes)

    async def delete_recovery_codes(self, user_id: UUID) -> None:
        await self._session.execute(delete(recovery_codes).where(recovery_codes.c.user_id == user_id))

    async def search(self, text: str, limit: int) -> list[User]:
        pattern = "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = select(User).where(users.c.email.like(pattern, escape="\\")).order_by(users.c.email).limit(limit)
        return list((await self._session.execute(query)).scalars())

    async def _forget(self, user_id: UUID, cabinet_id: UUID) -> int:
        # Rows are deleted in SQL; objects of them loaded earlier in this session leave it too, so that a
        # replacement with the same key can be added.
        for loaded in list(self._session.identity_map.values()):
            if isinstance(loaded, Membership | ProjectGrant) and (loaded.user_id, loaded.cabinet_id) == (
                user_id,
                cabinet_id,
            ):
                self._session.expunge(loaded)
        await self._session.execute(
            delete(project_grants).where(project_grants.c.user_id == user_id, project_grants.c.cabinet_id == cabinet_id)
        )
        result = await self._session.execute(
            delete(cabinet_memberships).where(
                cabinet_memberships.c.user_id == user_id, cabinet_memberships.c.cabinet_id == cabinet_id
            )
        )
        return result.rowcount or 0
