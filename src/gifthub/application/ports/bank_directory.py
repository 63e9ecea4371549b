from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from gifthub.application.errors import ApplicationError
from gifthub.domain.bank import Bank


class DirectoryFileError(ApplicationError):
    """A directory file that cannot be used (corrupt, foreign-encoded, not ED807); names the line."""

    code = "bank-directory-file-invalid"


@dataclass(frozen=True)
class DirectorySnapshot:
    business_day: date | None
    banks: Sequence[Bank]


class BankDirectorySource(Protocol):
    async def read(self, location: str) -> DirectorySnapshot:
        """Read and fully validate a directory (a file path or URL); raises DirectoryFileError."""
        ...


class BankDirectory(Protocol):
    """The stored Bank of Russia directory."""

    async def find(self, bic: str) -> Bank | None: ...

    async def count(self) -> int: ...

    async def replace(self, snapshot: DirectorySnapshot, *, source: str) -> None:
        """Swap the whole directory in one transaction: readers see the old one or the new one."""
        ...
