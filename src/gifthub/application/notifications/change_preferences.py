"""Switch channels per kind; kinds not named keep their setting. All or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.authorization import ensure_may_change
from gifthub.application.notifications.preferences_owner import preferences_owner
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.notifications_unit_of_work import NotificationsUnitOfWork
from gifthub.domain.errors import DomainError
from gifthub.domain.identity import Principal
from gifthub.domain.notification_kinds import NotificationKind
from gifthub.domain.notification_preferences import NotificationPreference, preferences_of


class DuplicateNotificationKind(DomainError):
    code = "duplicate-notification-kind"


@dataclass(frozen=True)
class ChannelChoice:
    kind: str
    in_app: bool
    email: bool


class ChangeNotificationPreferences:
    def __init__(self, uow: NotificationsUnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def execute(self, principal: Principal, choices: list[ChannelChoice]) -> list[NotificationPreference]:
        user_id = preferences_owner(principal)
        ensure_may_change(principal)
        wanted: dict[NotificationKind, NotificationPreference] = {}
        for index, choice in enumerate(choices):  # every kind checked before anything is written
            field = f"items[{index}].kind"
            kind = NotificationKind.parse(choice.kind, field=field)
            if kind in wanted:
                raise DuplicateNotificationKind(f"{kind.value} is named twice", field=field)
            wanted[kind] = NotificationPreference(user_id, kind, in_app=choice.in_app, email=choice.email)
        async with self._uow as uow:
            if wanted:
                await uow.preferences.save(list(wanted.values()), self._clock.now())
            stored = await uow.preferences.of_user(user_id)
            await uow.commit()
        return preferences_of(user_id, stored)
