"""Send through an SMTP server with aiosmtplib: implicit TLS or STARTTLS, auth, timeouts."""

from __future__ import annotations

import aiosmtplib

from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.adapters.email.message import mime_message
from gifthub.application.ports.mailer import MailerUnavailable, RecipientRefused
from gifthub.domain.email import OutgoingEmail


class SmtpMailer:
    def __init__(self, settings: MessagingSettings, *, tls_context=None) -> None:
        self._settings = settings
        self._tls_context = tls_context

    async def send(self, email: OutgoingEmail) -> None:
        s = self._settings
        message = mime_message(email, s.mail_from)
        try:
            await aiosmtplib.send(
                message,
                hostname=s.smtp_host,
                port=s.smtp_port,
                username=s.smtp_user,
                password=s.smtp_password,
                use_tls=s.smtp_tls == "tls",
                start_tls=True if s.smtp_tls == "starttls" else False,
                timeout=s.smtp_timeout,
                tls_context=self._tls_context,
            )
        except aiosmtplib.SMTPRecipientsRefused as error:
            refusals = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in error.recipients)
            if all(r.code >= 500 for r in error.recipients):
                raise RecipientRefused(f"recipient refused: {refusals}") from None
            raise MailerUnavailable(f"recipient deferred: {refusals}") from None
        except aiosmtplib.SMTPResponseException as error:
            if error.code >= 500 and not isinstance(error, aiosmtplib.SMTPAuthenticationError):
                raise RecipientRefused(f"message refused: {error.code} {error.message}") from None
            raise MailerUnavailable(f"SMTP {error.code}: {error.message}") from None
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
            # Never echo the settings: the message may not carry the password, but keep it that way.
            raise MailerUnavailable(
                f"SMTP server {s.smtp_host}:{s.smtp_port} unavailable: {type(error).__name__}"
            ) from None
