from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_cabinet
from gifthub.application.counterparties.announce import Contact, announce_new_company
from gifthub.application.counterparties.policy import CounterpartiesPolicy
from gifthub.application.counterparties.register_company_by_inn import Registration
from gifthub.application.errors import NotFound
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.counterparties_unit_of_work import CounterpartiesUnitOfWork
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.retry import retrying
from gifthub.domain.company import Company
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.domain.region import Region


@dataclass(frozen=True)
class RegisterByHandCommand:
    cabinet_id: UUID
    country: Region
    tax_id: str
    name: str
    full_name: str = ""
    legal_address: str = ""
    head_name: str = ""
    head_position: str = ""
    contact: Contact = Contact()
    expected_amount: Money | None = None


class RegisterCompanyByHand:
    """Kazakhstan (BIN) and Belarus (UNP): no registry, the client types the details in."""

    def __init__(
        self, uow: CounterpartiesUnitOfWork, clock: Clock, ids: IdGenerator, policy: CounterpartiesPolicy
    ) -> None:
        self._uow, self._clock, self._ids, self._policy = uow, clock, ids, policy

    async def execute(self, principal: Principal, command: RegisterByHandCommand) -> Registration:
        return await retrying(lambda: self._register(principal, command))

    async def _register(self, principal: Principal, command: RegisterByHandCommand) -> Registration:
        now = self._clock.now()
        company = Company.foreign(
            self._ids.new_id(), country=command.country, tax_id=command.tax_id, name=command.name,
            full_name=command.full_name, legal_address=command.legal_address, head_name=command.head_name,
            head_position=command.head_position, at=now,
        )  # fmt: skip
        async with self._uow as uow:
            cabinet = await uow.cabinets.get(command.cabinet_id)
            if cabinet is None:
                raise NotFound("cabinet not found")
            ensure_can_manage_cabinet(principal, cabinet)
            existing = await uow.companies.find(company.country, company.tax_id)
            if existing is not None:
                if not await uow.companies.is_linked(cabinet.id, existing.id):
                    await uow.companies.link(cabinet.id, existing.id, now)
                    await uow.commit()
                return Registration(existing, created=False)
            uow.companies.add(company)
            await uow.companies.link(cabinet.id, company.id, now)
            announce_new_company(uow, self._policy, cabinet, company, command.contact, command.expected_amount, now)
            await uow.commit()
        return Registration(company, created=True)
