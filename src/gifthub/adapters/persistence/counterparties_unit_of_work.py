"""The shared SQLAlchemy unit of work with the counterparties' repositories added (same session)."""

from __future__ import annotations

from gifthub.adapters.persistence.repositories.companies import SqlCompanyRepository
from gifthub.adapters.persistence.repositories.crm_failures import SqlCrmFailureRepository
from gifthub.adapters.persistence.unit_of_work import SqlAlchemyUnitOfWork


class SqlCounterpartiesUnitOfWork(SqlAlchemyUnitOfWork):
    async def __aenter__(self) -> SqlCounterpartiesUnitOfWork:
        await super().__aenter__()
        self.companies = SqlCompanyRepository(self.session, self.tracker)
        self.crm_failures = SqlCrmFailureRepository(self.session)
        return self

    async def commit(self) -> None:
        await self.crm_failures.flush()
        await super().commit()
