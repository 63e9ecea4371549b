from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.repositories.keyset import after_keyset
from gifthub.adapters.persistence.repositories.tracker import Tracker
from gifthub.adapters.persistence.tables_counterparties import cabinet_companies, companies, company_bank_accounts
from gifthub.domain.company import BankAccount, Company
from gifthub.domain.region import Region


class SqlCompanyRepository:
    def __init__(self, session: AsyncSession, tracker: Tracker) -> None:
        self._session, self._tracker = session, tracker

    def add(self, company: Company) -> None:
        self._session.add(company)
        self._tracker.track(company)

    async def get(self, company_id: UUID) -> Company | None:
        return await self._session.get(Company, company_id)

    async def find(self, country: Region, tax_id: str, kpp: str = "") -> Company | None:
        query = select(Company).where(
            companies.c.country == country, companies.c.tax_id == tax_id, companies.c.kpp == kpp
        )
        return (await self._session.execute(query)).scalar_one_or_none()

    async def find_by_tax_id(self, country: Region, tax_id: str) -> list[Company]:
        query = select(Company).where(companies.c.country == country, companies.c.tax_id == tax_id)
        return list((await self._session.execute(query.order_by(companies.c.created_at))).scalars())

    async def link(self, cabinet_id: UUID, company_id: UUID, at: datetime) -> None:
        await self._session.flush()  # the company row first: the link refers to it
        await self._session.execute(
            insert(cabinet_companies).values(cabinet_id=cabinet_id, company_id=company_id, linked_at=at)
        )

    async def is_linked(self, cabinet_id: UUID, company_id: UUID) -> bool:
        query = select(cabinet_companies.c.company_id).where(
            cabinet_companies.c.cabinet_id == cabinet_id, cabinet_companies.c.company_id == company_id
        )
        return (await self._session.execute(query)).first() is not None

    async def list_for_cabinet(self, cabinet_id: UUID, *, after: tuple[str, str] | None, limit: int) -> list[Company]:
        query = (
            select(Company)
            .join(cabinet_companies, cabinet_companies.c.company_id == companies.c.id)
            .where(cabinet_companies.c.cabinet_id == cabinet_id)
            .order_by(companies.c.created_at, companies.c.id)
            .limit(limit)
        )
        condition = after_keyset(companies, after)
        if condition is not None:
            query = query.where(condition)
        return list((await self._session.execute(query)).scalars())

    def add_account(self, account: BankAccount) -> None:
        self._session.add(account)

    async def accounts_of(self, company_id: UUID) -> list[BankAccount]:
        query = (
            select(BankAccount)
            .where(company_bank_accounts.c.company_id == company_id)
            .order_by(company_bank_accounts.c.created_at, company_bank_accounts.c.id)
        )
        return list((await self._session.execute(query)).scalars())
