from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_cabinet
from gifthub.application.errors import NotFound
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.set_membership import ensure_an_owner_stays
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal


class RemoveMember:
    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, cabinet_id: UUID, user_id: UUID) -> None:
        async with self._uow as uow:
            ensure_can_manage_cabinet(principal, await uow.cabinets.get(cabinet_id))
            current = await uow.users.membership(user_id, cabinet_id)
            await ensure_an_owner_stays(uow, current, None)
            if not await uow.users.remove_membership(user_id, cabinet_id):
                raise NotFound("no such member")
            audit(
                uow,
                self._ids.new_id(),
                self._clock.now(),
                principal,
                "member.removed",
                cabinet_id=cabinet_id,
                target=f"user:{user_id}",
                before={"role": current.role, "pending": current.is_pending} if current is not None else {},
            )
            await uow.commit()
