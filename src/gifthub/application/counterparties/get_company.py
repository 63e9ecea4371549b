from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.counterparties.company_access import cabinet_company
from gifthub.application.ports.counterparties_unit_of_work import CounterpartiesUnitOfWork
from gifthub.domain.company import BankAccount, Company
from gifthub.domain.identity import Principal


@dataclass(frozen=True)
class CompanyDetails:
    company: Company
    accounts: list[BankAccount]


class GetCompany:
    def __init__(self, uow: CounterpartiesUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, cabinet_id: UUID, company_id: UUID) -> CompanyDetails:
        async with self._uow as uow:
            _, company = await cabinet_company(uow, principal, cabinet_id, company_id)
            return CompanyDetails(company, await uow.companies.accounts_of(company.id))
