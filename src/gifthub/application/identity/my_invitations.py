from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.identity.person import the_person
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.user import Membership


@dataclass(frozen=True)
class PendingInvitation:
    membership: Membership
    cabinet_name: str


class MyInvitations:
    """The cabinets that invited the signed-in person and wait for their answer."""

    def __init__(self, uow: IdentityUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal) -> list[PendingInvitation]:
        async with self._uow as uow:
            user = await the_person(uow.users, principal)
            found = []
            for membership in await uow.users.memberships_of(user.id, pending=True):
                cabinet = await uow.cabinets.get(membership.cabinet_id)
                found.append(PendingInvitation(membership, cabinet.name if cabinet is not None else ""))
            return found
