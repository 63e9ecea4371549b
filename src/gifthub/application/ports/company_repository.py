from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from gifthub.domain.company import BankAccount, Company
from gifthub.domain.region import Region


class CompanyRepository(Protocol):
    def add(self, company: Company) -> None: ...

    async def get(self, company_id: UUID) -> Company | None: ...

    async def find(self, country: Region, tax_id: str, kpp: str = "") -> Company | None:
        """The one record of a company (RU legal entities are told apart by KPP too)."""
        ...

    async def find_by_tax_id(self, country: Region, tax_id: str) -> list[Company]: ...

    async def link(self, cabinet_id: UUID, company_id: UUID, at: datetime) -> None: ...

    async def is_linked(self, cabinet_id: UUID, company_id: UUID) -> bool: ...

    async def list_for_cabinet(self, cabinet_id: UUID, *, after: tuple[str, str] | None, limit: int) -> list[Company]:
        """Ordered by the company's (created_at, id)."""
        ...

    def add_account(self, account: BankAccount) -> None: ...

    async def accounts_of(self, company_id: UUID) -> list[BankAccount]: ...
