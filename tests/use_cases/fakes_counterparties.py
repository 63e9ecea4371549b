"""Hand-written in-memory fakes of the counterparties' ports, for fast use-case tests."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

from gifthub.application.ports.company_registry import RegistryCompany
from gifthub.domain.bank import Bank
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.company import BankAccount, Company
from gifthub.domain.crm import CrmFailure, CrmLead


class FakeCabinets:
    def __init__(self) -> None:
        self.rows: dict[UUID, Cabinet] = {}

    async def get(self, cabinet_id: UUID) -> Cabinet | None:
        return self.rows.get(cabinet_id)


class FakeCompanies:
    def __init__(self) -> None:
        self.rows: dict[UUID, Company] = {}
        self.links: set[tuple[UUID, UUID]] = set()
        self.accounts: list[BankAccount] = []

    def add(self, company: Company) -> None:
        self.rows[company.id] = company

    async def get(self, company_id: UUID) -> Company | None:
        return self.rows.get(company_id)

    async def find(self, country, tax_id, kpp=""):
        return next((c for c in self.rows.values() if (c.country, c.tax_id, c.kpp) == (country, tax_id, kpp)), None)

    async def find_by_tax_id(self, country, tax_id):
        return [c for c in self.rows.values() if (c.country, c.tax_id) == (country, tax_id)]

    async def link(self, cabinet_id, company_id, at) -> None:
        self.links.add((cabinet_id, company_id))

    async def is_linked(self, cabinet_id, company_id) -> bool:
        return (cabinet_id, company_id) in self.links

    async def list_for_cabinet(self, cabinet_id, *, after, limit):
        return [self.rows[c] for cab, c in sorted(self.links, key=str) if cab == cabinet_id][:limit]

    def add_account(self, account: BankAccount) -> None:
        self.accounts.append(account)

    async def accounts_of(self, company_id):
        return [a for a in self.accounts if a.company_id == company_id]


class FakeFailures:
    def __init__(self) -> None:
        self.rows: list[CrmFailure] = []

    def add(self, failure: CrmFailure) -> None:
        self.rows.append(failure)


class FakeUnitOfWork:
    """Commits make staged events and failures visible; leaving without commit drops them."""

    def __init__(self) -> None:
        self.cabinets, self.companies, self.crm_failures = FakeCabinets(), FakeCompanies(), FakeFailures()
        self.events: list = []
        self._staged: list = []
        self.open = False
        self.commits = 0

    async def __aenter__(self):
        self.open = True
        return self

    async def __aexit__(self, *exc) -> None:
        self.open = False
        self._staged.clear()

    def record(self, event) -> None:
        self._staged.append(event)

    async def commit(self) -> None:
        self.events += self._staged
        self._staged = []
        self.commits += 1


class FakeRegistry:
    def __init__(self, uow: FakeUnitOfWork, *companies: RegistryCompany) -> None:
        self._uow, self.companies, self.asked = uow, {c.inn: c for c in companies}, []

    async def find_by_inn(self, inn: str) -> RegistryCompany | None:
        assert not self._uow.open, "the registry must be asked outside the transaction"
        self.asked.append(inn)
        return self.companies.get(inn)


class FakeDirectory:
    def __init__(self, *banks: Bank) -> None:
        self.banks = {b.bic: b for b in banks}

    async def find(self, bic: str) -> Bank | None:
        return self.banks.get(bic)


class FakeCrm:
    def __init__(self, error: Exception | None = None) -> None:
        self.leads: dict[str, CrmLead] = {}
        self.error = error

    async def add_lead(self, lead: CrmLead) -> int:
        if self.error is not None:
            raise self.error
        self.leads.setdefault(lead.origin_id, lead)
        return list(self.leads).index(lead.origin_id) + 1


class FixedClock:
    def now(self) -> datetime:
        return datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


class Ids:
    def new_id(self) -> UUID:
        return uuid4()

    def random_bits(self, bits: int) -> int:
        return 1
