from __future__ import annotations

from gifthub.application.authorization import ensure_may_change
from gifthub.application.errors import InvalidRequest
from gifthub.application.identity.person import the_person
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.language import check_language
from gifthub.domain.time_zone import check_time_zone
from gifthub.domain.user import User


class ChangeProfile:
    """How GiftHub speaks to the user: the time zone (times are stored in UTC and shown in it, emails
    included) and the language emails are written in."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, principal: Principal, *, time_zone: str | None = None, language: str | None = None) -> User:
        ensure_may_change(principal)
        if time_zone is None and language is None:
            raise InvalidRequest("send time_zone, language or both", field="body")
        zone = None if time_zone is None else check_time_zone(time_zone)
        chosen = None if language is None else check_language(language)
        async with self._uow as uow:
            user = await the_person(uow.users, principal)
            if zone is not None:
                user.time_zone = zone
            if chosen is not None:
                user.language = chosen.value
            user.updated_at = self._clock.now()
            await uow.commit()
        return user
