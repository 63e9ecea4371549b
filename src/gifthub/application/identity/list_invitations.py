from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_read_cabinet_admin
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.user import Membership


class ListInvitations:
    """The cabinet's invitations nobody has accepted yet, by email: who was asked, with which role. Only
    the email the owner typed is shown, never whether that person already uses GiftHub."""

    def __init__(self, uow: IdentityUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, cabinet_id: UUID) -> list[tuple[str, Membership]]:
        async with self._uow as uow:
            ensure_can_read_cabinet_admin(principal, await uow.cabinets.get(cabinet_id))
            return [(user.email, m) for user, m in await uow.users.members_of(cabinet_id, pending=True)]
