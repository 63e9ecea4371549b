from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_may_change
from gifthub.application.errors import NotFound
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.person import the_person
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.user import Membership


class AnswerInvitation:
    """The invited person accepts (the role takes effect from the next request) or declines (the
    invitation is gone) a cabinet's invitation; audited under that cabinet."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, cabinet_id: UUID, *, accept: bool) -> Membership | None:
        ensure_may_change(principal)
        now = self._clock.now()
        async with self._uow as uow:
            user = await the_person(uow.users, principal)
            membership = await uow.users.membership(user.id, cabinet_id)
            if membership is None or not membership.is_pending:
                raise NotFound("no invitation from this cabinet is waiting for you")
            if accept:
                membership.accepted_at = now
            else:
                await uow.users.remove_membership(user.id, cabinet_id)
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "member.joined" if accept else "member.declined",
                cabinet_id=cabinet_id,
                target=f"user:{user.id}",
                before={"role": membership.role, "pending": True},
                after={"role": membership.role, "pending": False} if accept else {},
            )
            await uow.commit()
        return membership if accept else None
