"""Providers of the messaging capability: bus settings, inbox-aware unit of work, email."""

from __future__ import annotations

from dishka import AnyOf, Provider, Scope, provide, provide_all

from gifthub.adapters.bus.inbox import Inbox
from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.adapters.bus.unit_of_work import InboxClaim, SqlMessagingUnitOfWork
from gifthub.adapters.email.mailbox import MailboxMailer
from gifthub.adapters.email.renderer import JinjaEmailRenderer
from gifthub.adapters.email.smtp import SmtpMailer
from gifthub.application.email.send_email import SendEmail
from gifthub.application.notifications.check_low_balance import CheckLowBalance
from gifthub.application.notifications.list_notifications import ListNotifications
from gifthub.application.notifications.mark_read import MarkNotificationRead
from gifthub.application.notifications.set_low_balance_threshold import SetLowBalanceThreshold
from gifthub.application.ports.email_renderer import EmailRenderer
from gifthub.application.ports.mailer import Mailer
from gifthub.application.ports.messaging_unit_of_work import MessagingUnitOfWork
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.config import Settings


class MessagingProvider(Provider):
    scope = Scope.APP

    @provide
    def messaging_settings(self, settings: Settings) -> MessagingSettings:
        return MessagingSettings.from_env(data_dir=settings.data_dir)

    inbox = provide(Inbox)
    # Overrides the core unit of work: the same one plus the email log and the consumer's inbox row.
    unit_of_work = provide(SqlMessagingUnitOfWork, provides=AnyOf[UnitOfWork, MessagingUnitOfWork], scope=Scope.REQUEST)
    send_email = provide(SendEmail, scope=Scope.REQUEST)
    notifications = provide_all(
        ListNotifications, MarkNotificationRead, SetLowBalanceThreshold, CheckLowBalance, scope=Scope.REQUEST
    )

    @provide(scope=Scope.REQUEST)
    def claim(self) -> InboxClaim:
        return InboxClaim()

    @provide
    def renderer(self, settings: MessagingSettings) -> EmailRenderer:
        return JinjaEmailRenderer(public_url=settings.public_url)

    @provide
    def mailer(self, settings: MessagingSettings) -> Mailer:
        if settings.mail_transport == "smtp":
            return SmtpMailer(settings)
        return MailboxMailer(settings.mailbox_dir, settings.mail_from)
