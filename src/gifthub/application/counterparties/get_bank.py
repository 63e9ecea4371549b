from __future__ import annotations

from gifthub.application.errors import NotFound
from gifthub.application.ports.bank_directory import BankDirectory
from gifthub.domain.bank import Bank
from gifthub.domain.identity import Principal
from gifthub.domain.requisites import check_ru_bic


class GetBank:
    """Any signed-in caller may look a bank up: the directory is public data."""

    def __init__(self, directory: BankDirectory) -> None:
        self._directory = directory

    async def execute(self, principal: Principal, bic: str) -> Bank:
        bic = check_ru_bic(bic)
        bank = await self._directory.find(bic)
        if bank is None:
            raise NotFound(f"BIC {bic} is not in the Bank of Russia directory", field="bic")
        return bank
