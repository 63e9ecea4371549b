from __future__ import annotations

from typing import Protocol


class BankStatementInbox(Protocol):
    """Takes a bank statement file that 1C put on the bus (``gifthub.onec.statement``).

    The billing capability plugs its ImportBankStatement use case in behind this port.
    """

    async def accept(self, filename: str, content: bytes) -> None: ...
