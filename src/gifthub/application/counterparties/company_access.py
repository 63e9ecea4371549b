"""A company is visible through a cabinet that links it; otherwise it "does not exist" for the caller."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_read_companies, ensure_sees_cabinet
from gifthub.application.errors import NotFound
from gifthub.application.ports.counterparties_unit_of_work import CounterpartiesUnitOfWork
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.company import Company
from gifthub.domain.identity import Principal


async def cabinet_company(
    uow: CounterpartiesUnitOfWork, principal: Principal, cabinet_id: UUID, company_id: UUID
) -> tuple[Cabinet, Company]:
    cabinet = ensure_can_read_companies(principal, ensure_sees_cabinet(principal, await uow.cabinets.get(cabinet_id)))
    company = await uow.companies.get(company_id)
    if company is None or not await uow.companies.is_linked(cabinet.id, company.id):
        raise NotFound("company not found")
    return cabinet, company
