"""Placeholder until the billing capability plugs its statement import in behind BankStatementInbox."""

from __future__ import annotations


class UnconfiguredStatementInbox:
    async def accept(self, filename: str, content: bytes) -> None:
        # Retried, then dead-lettered with this reason: the statement is kept, not dropped.
        raise RuntimeError(f"no bank statement importer is configured; statement {filename!r} not imported")
