from __future__ import annotations

from dishka.integrations.litestar import FromDishka
from litestar import Controller, get
from litestar.params import FromPath

from gifthub.application.counterparties.get_bank import GetBank
from gifthub.domain.identity import Principal
from gifthub.entrypoints.http.schemas.counterparties import BankOut


class BankController(Controller):
    path = "/banks"
    tags = ["banks"]

    @get("/{bic:str}", summary="A Russian bank by BIC from the Bank of Russia directory (ED807)")
    async def get_bank(
        self, bic: FromPath[str], principal: FromDishka[Principal], use_case: FromDishka[GetBank]
    ) -> BankOut:
        return BankOut.of(await use_case.execute(principal, bic))
