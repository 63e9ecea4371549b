"""A person's channels for every kind of notification (the defaults where they chose nothing)."""

from __future__ import annotations

from gifthub.application.notifications.preferences_owner import preferences_owner
from gifthub.application.ports.notifications_unit_of_work import NotificationsUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.notification_preferences import NotificationPreference, preferences_of


class GetNotificationPreferences:
    def __init__(self, uow: NotificationsUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal) -> list[NotificationPreference]:
        user_id = preferences_owner(principal)
        async with self._uow as uow:
            stored = await uow.preferences.of_user(user_id)
        return preferences_of(user_id, stored)
