from __future__ import annotations

from typing import Protocol

from gifthub.domain.billing.statement import BankStatement


class StatementReader(Protocol):
    def read(self, data: bytes) -> BankStatement:
        """Parse a whole bank statement or raise StatementError naming the line; never a partial result."""
        ...
