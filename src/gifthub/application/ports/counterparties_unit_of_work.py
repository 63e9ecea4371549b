from __future__ import annotations

from typing import Protocol

from gifthub.application.ports.company_repository import CompanyRepository
from gifthub.application.ports.crm_failure_repository import CrmFailureRepository
from gifthub.application.ports.unit_of_work import UnitOfWork


class CounterpartiesUnitOfWork(UnitOfWork, Protocol):
    """The shared unit of work plus the repositories of companies and CRM failures (one transaction)."""

    companies: CompanyRepository
    crm_failures: CrmFailureRepository

    async def __aenter__(self) -> CounterpartiesUnitOfWork: ...
