"""Builds the Principal of a signed-in user from its memberships and grants."""

from __future__ import annotations

from gifthub.application.ports.user_repository import UserRepository
from gifthub.domain.identity import Principal
from gifthub.domain.user import User


async def principal_of(users: UserRepository, user: User) -> Principal:
    if user.staff_role is not None:
        return Principal.staff(str(user.id), user.staff_role)
    memberships = await users.memberships_of(user.id)
    grants = await users.grants_of(user.id)
    return Principal.user(
        str(user.id),
        {m.cabinet_id: m.role for m in memberships},
        frozenset(g.project_id for g in grants),
    )
