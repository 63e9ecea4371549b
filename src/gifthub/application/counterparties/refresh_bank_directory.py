from __future__ import annotations

from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.ports.bank_directory import BankDirectory, BankDirectorySource, DirectorySnapshot
from gifthub.domain.identity import Principal


class RefreshBankDirectory:
    """Replace the stored BIC directory with a file or URL; a bad file replaces nothing."""

    def __init__(self, source: BankDirectorySource, directory: BankDirectory) -> None:
        self._source, self._directory = source, directory

    async def execute(self, principal: Principal, location: str) -> DirectorySnapshot:
        ensure_platform_admin(principal, "replace the bank directory")
        snapshot = await self._source.read(location)
        await self._directory.replace(snapshot, source=location)
        return snapshot
