from __future__ import annotations

from typing import Protocol

from gifthub.domain.email import OutgoingEmail


class RecipientRefused(Exception):
    """The server refused the recipient or message permanently (5xx): record it, do not retry."""


class MailerUnavailable(Exception):
    """The server is down, timed out or answered 4xx: try again later."""


class Mailer(Protocol):
    async def send(self, email: OutgoingEmail) -> None:
        """Raises RecipientRefused (permanent) or MailerUnavailable (transient)."""
        ...
