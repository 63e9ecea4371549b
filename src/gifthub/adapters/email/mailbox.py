"""The local mailbox of ``make run``: each email an .eml file under var/mailbox, newest last."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from pathlib import Path

from gifthub.adapters.email.message import mime_message
from gifthub.domain.email import OutgoingEmail

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class MailboxMailer:
    def __init__(self, directory: Path, sender: str) -> None:
        self._directory = directory
        self._sender = sender

    async def send(self, email: OutgoingEmail) -> None:
        data = mime_message(email, self._sender).as_bytes()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        name = f"{stamp}-{_UNSAFE.sub('_', email.message_id)[:60]}.eml"
        await asyncio.to_thread(self._write, name, data)

    def _write(self, name: str, data: bytes) -> None:
        self._directory.mkdir(parents=True, exist_ok=True)
        temporary = self._directory / (name + ".part")
        temporary.write_bytes(data)
        temporary.rename(self._directory / name)  # readers never see half a file
