"""Settings of the bus and of email, from ``GIFTHUB_*`` variables (kept apart from the core Settings)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gifthub.config import SettingsError

_TLS_MODES = ("none", "starttls", "tls")


@dataclass(frozen=True)
class MessagingSettings:
    bus: str = "memory"  # GIFTHUB_BUS: memory (in-process, make run) | nats (gifthub worker, scale)
    nats_url: str = "nats://127.0.0.1:4222"
    stream: str = "GIFTHUB"
    consumer_prefix: str = "gifthub"
    ack_wait: float = 30.0  # seconds a consumer may hold a message before JetStream redelivers it
    max_deliver: int = 8  # deliveries of a failing message before it goes to the dead-letter subject
    mail_transport: str = "mailbox"  # GIFTHUB_MAIL_TRANSPORT: mailbox (.eml files under var/mailbox) | smtp
    mailbox_dir: Path = Path("var/mailbox")
    dev_mailbox: bool = False  # GIFTHUB_DEV_MAILBOX=1 serves /dev/mailbox even with SMTP
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_tls: str = "none"  # none | starttls | tls (implicit TLS, usually port 465)
    smtp_timeout: float = 10.0
    mail_from: str = "GiftHub <no-reply@gifthub.local>"
    staff_email: str = "staff@gifthub.local"
    public_url: str = "http://127.0.0.1:8000"  # GIFTHUB_PUBLIC_URL: where links in emails point

    @property
    def mailbox_active(self) -> bool:
        return self.mail_transport == "mailbox" or self.dev_mailbox

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, data_dir: Path | None = None) -> MessagingSettings:
        env = os.environ if env is None else env
        data_dir = data_dir or Path(env.get("GIFTHUB_DATA_DIR", "var"))
        bus = env.get("GIFTHUB_BUS", "memory")
        if bus not in ("memory", "nats"):
            raise SettingsError("GIFTHUB_BUS must be memory or nats")
        transport = env.get("GIFTHUB_MAIL_TRANSPORT") or ("smtp" if env.get("GIFTHUB_SMTP_HOST") else "mailbox")
        if transport not in ("mailbox", "smtp"):
            raise SettingsError("GIFTHUB_MAIL_TRANSPORT must be mailbox or smtp")
        tls = env.get("GIFTHUB_SMTP_TLS", "none").lower()
        if tls not in _TLS_MODES:
            raise SettingsError("GIFTHUB_SMTP_TLS must be one of none, starttls, tls")
        port_raw = env.get("GIFTHUB_SMTP_PORT") or ("465" if tls == "tls" else "25")
        if not port_raw.isdigit() or not 0 < int(port_raw) < 65536:
            raise SettingsError(f"GIFTHUB_SMTP_PORT={port_raw!r} is not a port number")
        return cls(
            bus=bus,
            nats_url=env.get("GIFTHUB_NATS_URL", cls.nats_url),
            mail_transport=transport,
            mailbox_dir=data_dir / "mailbox",
            dev_mailbox=env.get("GIFTHUB_DEV_MAILBOX", "") in ("1", "true", "yes"),
            smtp_host=env.get("GIFTHUB_SMTP_HOST", cls.smtp_host),
            smtp_port=int(port_raw),
            smtp_user=env.get("GIFTHUB_SMTP_USER") or None,
            smtp_password=env.get("GIFTHUB_SMTP_PASSWORD") or None,
            smtp_tls=tls,
            mail_from=env.get("GIFTHUB_SMTP_FROM", cls.mail_from),
            staff_email=env.get("GIFTHUB_STAFF_EMAIL", cls.staff_email),
            public_url=env.get("GIFTHUB_PUBLIC_URL", cls.public_url).rstrip("/"),
        )
