from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_cabinet
from gifthub.application.counterparties.company_access import cabinet_company
from gifthub.application.errors import NotFound
from gifthub.application.ports.bank_directory import BankDirectory
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.counterparties_unit_of_work import CounterpartiesUnitOfWork
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.domain.bank import Bank
from gifthub.domain.company import BankAccount, Company
from gifthub.domain.identity import Principal
from gifthub.domain.region import Region
from gifthub.domain.requisites import check_ru_bic


@dataclass(frozen=True)
class AddBankAccountCommand:
    cabinet_id: UUID
    company_id: UUID
    bic: str  # RU: 9-digit BIC from the directory; KZ/BY: SWIFT BIC
    account: str  # RU: 20-digit settlement account; KZ/BY: IBAN
    bank_name: str = ""  # KZ/BY only (no directory to take it from)


class AddBankAccount:
    """Russian details are checked against the Bank of Russia directory; KZ/BY by SWIFT BIC and IBAN."""

    def __init__(self, uow: CounterpartiesUnitOfWork, directory: BankDirectory, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._directory, self._clock, self._ids = uow, directory, clock, ids

    async def execute(self, principal: Principal, command: AddBankAccountCommand) -> BankAccount:
        # The directory is read before the transaction opens: on SQLite a transaction holds the one write
        # lock, and the directory reads through its own connection.
        bic = command.bic.strip()
        bank = await self._directory.find(bic) if len(bic) == 9 and bic.isdigit() else None
        async with self._uow as uow:
            cabinet, company = await cabinet_company(uow, principal, command.cabinet_id, command.company_id)
            ensure_can_manage_cabinet(principal, cabinet)
            account = self._account(company, bank, command)
            for existing in await uow.companies.accounts_of(company.id):
                if (existing.bic, existing.account) == (account.bic, account.account):
                    return existing  # the same details twice: one account
            uow.companies.add_account(account)
            await uow.commit()
        return account

    def _account(self, company: Company, bank: Bank | None, command: AddBankAccountCommand) -> BankAccount:
        now = self._clock.now()
        if company.country is Region.RU:
            bic = check_ru_bic(command.bic)
            if bank is None:
                raise NotFound(f"BIC {bic} is not in the Bank of Russia directory", field="bic")
            return BankAccount.russian(self._ids.new_id(), company.id, bank, command.account, now)
        return BankAccount.iban(
            self._ids.new_id(), company.id, company.country, command.bic, command.account, command.bank_name, now
        )
