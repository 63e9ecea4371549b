from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_cabinet
from gifthub.application.counterparties.announce import Contact, announce_new_company
from gifthub.application.counterparties.policy import CounterpartiesPolicy
from gifthub.application.errors import NotFound
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.company_registry import CompanyRegistry
from gifthub.application.ports.counterparties_unit_of_work import CounterpartiesUnitOfWork
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.retry import retrying
from gifthub.domain.company import Company, CompanyDissolved
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.domain.region import Region
from gifthub.domain.requisites import check_inn


@dataclass(frozen=True)
class RegisterByInnCommand:
    cabinet_id: UUID
    inn: str
    contact: Contact = Contact()
    expected_amount: Money | None = None  # the client's expected purchases, for the sales lead


@dataclass(frozen=True)
class Registration:
    company: Company
    created: bool  # False: the company already existed and was (or already is) linked to the cabinet


class RegisterCompanyByInn:
    """A Russian company (or sole proprietor) filled from the registry; one record however many cabinets."""

    def __init__(
        self, uow: CounterpartiesUnitOfWork, registry: CompanyRegistry, clock: Clock, ids: IdGenerator,
        policy: CounterpartiesPolicy,
    ) -> None:  # fmt: skip
        self._uow, self._registry, self._clock, self._ids, self._policy = uow, registry, clock, ids, policy

    async def execute(self, principal: Principal, command: RegisterByInnCommand) -> Registration:
        inn = check_inn(command.inn)
        return await retrying(lambda: self._register(principal, command, inn))

    async def _register(self, principal: Principal, command: RegisterByInnCommand, inn: str) -> Registration:
        async with self._uow as uow:
            cabinet = await uow.cabinets.get(command.cabinet_id)
            if cabinet is None:
                raise NotFound("cabinet not found")
            ensure_can_manage_cabinet(principal, cabinet)
            known = await uow.companies.find_by_tax_id(Region.RU, inn)
            if known:
                return await self._link(uow, cabinet.id, known[0])
        # The registry is asked outside any transaction: a slow neighbour must not hold database locks.
        record = await self._registry.find_by_inn(inn)
        if record is None:
            raise NotFound(f"INN {inn} is not in the company registry", field="inn")
        if record.dissolved:
            raise CompanyDissolved(f"{record.short_name} (INN {inn}) is dissolved: {record.status}", field="inn")
        now = self._clock.now()
        company = Company.russian(
            self._ids.new_id(), inn=record.inn, kpp=record.kpp, registration_number=record.ogrn,
            name=record.short_name, full_name=record.full_name, legal_address=record.legal_address,
            head_name=record.head_name, head_position=record.head_position, at=now,
        )  # fmt: skip
        async with self._uow as uow:
            cabinet = await uow.cabinets.get(command.cabinet_id)
            if cabinet is None:
                raise NotFound("cabinet not found")
            uow.companies.add(company)
            await uow.companies.link(cabinet.id, company.id, now)
            announce_new_company(uow, self._policy, cabinet, company, command.contact, command.expected_amount, now)
            await uow.commit()  # a concurrent registration of the same INN loses here and retries as a link
        return Registration(company, created=True)

    async def _link(self, uow: CounterpartiesUnitOfWork, cabinet_id: UUID, company: Company) -> Registration:
        if not await uow.companies.is_linked(cabinet_id, company.id):
            await uow.companies.link(cabinet_id, company.id, self._clock.now())
            await uow.commit()
        return Registration(company, created=False)
