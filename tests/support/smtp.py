"""A real SMTP server (aiosmtpd) that records what it received and refuses chosen recipients."""

from __future__ import annotations

from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.support.nats import free_port


@dataclass
class RecordingHandler:
    """``refused@...`` gets 550 (permanent), ``later@...`` gets 451 (try again)."""

    received: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address.startswith("refused@"):
            return "550 5.1.1 No such user here"
        if address.startswith("later@"):
            return "451 4.3.0 Mailbox busy, try later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.received.append(BytesParser(policy=policy.default).parsebytes(envelope.content))
        return "250 Message accepted"


class SmtpServer:
    def __init__(self, *, tls_context=None, user: str | None = None, password: str | None = None) -> None:
        self.handler = RecordingHandler()
        self.port = free_port()
        self._credentials = (user, password)
        kwargs = {}
        if tls_context is not None:
            kwargs.update(tls_context=tls_context, require_starttls=True)
        if user is not None:
            kwargs.update(
                authenticator=self._authenticate, auth_required=True, auth_require_tls=tls_context is not None
            )
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **kwargs)

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and (
                auth_data.login.decode(),
                auth_data.password.decode(),
            )
            == self._credentials
        )
        return AuthResult(success=ok)

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[EmailMessage]:
        return self.handler.received
