from __future__ import annotations

from gifthub.application.authorization import ensure_may_change
from gifthub.application.identity.person import the_person
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.time_zone import check_time_zone
from gifthub.domain.user import User


class ChangeTimeZone:
    """Times are stored in UTC; this zone is how they are shown to the user (and in their emails)."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, principal: Principal, time_zone: str) -> User:
        ensure_may_change(principal)
        zone = check_time_zone(time_zone)
        async with self._uow as uow:
            user = await the_person(uow.users, principal)
            user.time_zone, user.updated_at = zone, self._clock.now()
            await uow.commit()
        return user
