from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_cabinet
from gifthub.application.errors import NotFound
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal


class RemoveMember:
    def __init__(self, uow: IdentityUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, cabinet_id: UUID, user_id: UUID) -> None:
        async with self._uow as uow:
            ensure_can_manage_cabinet(principal, await uow.cabinets.get(cabinet_id))
            if not await uow.users.remove_membership(user_id, cabinet_id):
                raise NotFound("no such member")
            await uow.commit()
