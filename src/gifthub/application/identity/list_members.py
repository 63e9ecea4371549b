from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_read_cabinet_admin
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.user import Membership, User


class ListMembers:
    def __init__(self, uow: IdentityUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, cabinet_id: UUID) -> list[tuple[User, Membership]]:
        async with self._uow as uow:
            ensure_can_read_cabinet_admin(principal, await uow.cabinets.get(cabinet_id))
            return await uow.users.members_of(cabinet_id)
