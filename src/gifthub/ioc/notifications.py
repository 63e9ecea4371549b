"""The notification centre: fan-out to the people of a cabinet, their channel preferences."""

from __future__ import annotations

from dishka import Provider, Scope, provide, provide_all
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.bus.unit_of_work import InboxClaim
from gifthub.adapters.persistence.notifications_unit_of_work import SqlNotificationsUnitOfWork
from gifthub.application.notifications.announce import Announce
from gifthub.application.notifications.announce_invoice import AnnounceInvoice
from gifthub.application.notifications.announce_order import AnnounceOrderNews
from gifthub.application.notifications.announce_payment import AnnouncePayment
from gifthub.application.notifications.change_preferences import ChangeNotificationPreferences
from gifthub.application.notifications.get_preferences import GetNotificationPreferences
from gifthub.application.ports.notifications_unit_of_work import NotificationsUnitOfWork


class NotificationsProvider(Provider):
    scope = Scope.REQUEST

    @provide
    def unit_of_work(self, sessions: async_sessionmaker[AsyncSession], claim: InboxClaim) -> NotificationsUnitOfWork:
        # The same request-scoped claim as messaging's unit of work: a consumer's inbox row commits with it.
        return SqlNotificationsUnitOfWork(sessions, claim)

    use_cases = provide_all(
        Announce,
        AnnounceInvoice,
        AnnounceOrderNews,
        AnnouncePayment,
        GetNotificationPreferences,
        ChangeNotificationPreferences,
    )
