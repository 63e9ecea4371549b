"""A bank statement 1C put on the bus goes through the same import as an upload by platform staff."""

from __future__ import annotations

import logging

from gifthub.application.billing.import_bank_statement import ImportBankStatement

log = logging.getLogger("gifthub.billing")


class ImportStatementFromBus:
    """Implements the BankStatementInbox port. A redelivery is harmless: payments credit once."""

    def __init__(self, import_statement: ImportBankStatement) -> None:
        self._import = import_statement

    async def accept(self, filename: str, content: bytes) -> None:
        result = await self._import.execute(content)
        log.info("statement %s from 1C imported: %s", filename, result)
