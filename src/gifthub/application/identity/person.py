"""The signed-in person behind a principal (users and staff members; not API clients or the bootstrap token)."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.errors import Forbidden
from gifthub.application.ports.user_repository import UserRepository
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.user import User


def person_id(principal: Principal) -> UUID:
    if principal.kind not in (PrincipalKind.USER, PrincipalKind.PLATFORM_STAFF):
        raise Forbidden("only a signed-in person may do this")
    try:
        return UUID(principal.id)
    except ValueError:
        raise Forbidden("the bootstrap token is not a person; sign in as a user") from None


async def the_person(users: UserRepository, principal: Principal) -> User:
    user = await users.get(person_id(principal))
    if user is None:
        raise Forbidden("the user no longer exists")
    return user
