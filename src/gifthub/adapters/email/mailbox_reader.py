"""Read the local mailbox (var/mailbox/*.eml) for the developer page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

_NAME = re.compile(r"^[A-Za-z0-9._-]+\.eml$")


@dataclass(frozen=True)
class MailboxEntry:
    name: str
    to: str
    subject: str
    date: str


def list_mailbox(directory: Path, limit: int = 200) -> list[MailboxEntry]:
    if not directory.is_dir():
        return []
    entries = []
    for path in sorted(directory.glob("*.eml"), reverse=True)[:limit]:
        message = _parse(path)
        entries.append(
            MailboxEntry(path.name, str(message["To"] or ""), str(message["Subject"] or ""), str(message["Date"] or ""))
        )
    return entries


def read_message(directory: Path, name: str) -> EmailMessage | None:
    """None for a name that is not a mailbox file (no path tricks: the name is matched, not joined blindly)."""
    if not _NAME.match(name):
        return None
    path = directory / name
    return _parse(path) if path.is_file() else None


def _parse(path: Path) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(path.read_bytes())
