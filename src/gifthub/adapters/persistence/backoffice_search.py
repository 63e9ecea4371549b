"""The back-office search as SQL: case-insensitive substring matches, prefix matches on codes and tax ids."""

from __future__ import annotations

from collections import defaultdict
from uuid import UUID

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.tables_accounts import cabinets, projects
from gifthub.adapters.persistence.tables_counterparties import cabinet_companies, companies
from gifthub.adapters.persistence.tables_identity import cabinet_memberships, users
from gifthub.application.ports.backoffice_search import Found


def _like(text: str, prefix_only: bool = False) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix_only else f"%{escaped}%"


class SqlBackofficeSearch:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def cabinets(self, text: str, limit: int) -> list[Found]:
        query = (
            select(cabinets.c.id, cabinets.c.name, cabinets.c.created_at)
            .where(func.lower(cabinets.c.name).like(_like(text), escape="\\"))
            .order_by(cabinets.c.name, cabinets.c.id)
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return [Found("cabinet", r.id, r.name, f"since {r.created_at.date().isoformat()}", (r.id,)) for r in rows]

    async def projects(self, text: str, limit: int) -> list[Found]:
        query = (
            select(projects.c.id, projects.c.name, projects.c.b2b_code, projects.c.region, projects.c.cabinet_id)
            .where(
                or_(
                    func.lower(projects.c.name).like(_like(text), escape="\\"),
                    func.lower(projects.c.b2b_code).like(_like(text, prefix_only=True), escape="\\"),
                )
            )
            .order_by(projects.c.name, projects.c.id)
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return [Found("project", r.id, r.name, f"{r.b2b_code} · {r.region.value}", (r.cabinet_id,)) for r in rows]

    async def companies(self, text: str, limit: int) -> list[Found]:
        query = (
            select(companies.c.id, companies.c.name, companies.c.tax_id, companies.c.country)
            .where(
                or_(
                    func.lower(companies.c.name).like(_like(text), escape="\\"),
                    companies.c.tax_id.like(_like(text, prefix_only=True), escape="\\"),
                )
            )
            .order_by(companies.c.name, companies.c.id)
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
            links = await self._links(session, cabinet_companies.c.company_id, [r.id for r in rows])
        return [Found("company", r.id, r.name, f"{r.tax_id} · {r.country.value}", links.get(r.id, ())) for r in rows]

    async def users(self, text: str, limit: int) -> list[Found]:
        query = (
            select(users.c.id, users.c.email, users.c.status)
            .where(users.c.email.like(_like(text), escape="\\"))
            .order_by(users.c.email)
            .limit(limit)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
            links = await self._links(session, cabinet_memberships.c.user_id, [r.id for r in rows])
        return [Found("user", r.id, r.email, r.status.value, links.get(r.id, ())) for r in rows]

    @staticmethod
    async def _links(session: AsyncSession, key, ids: list[UUID]) -> dict[UUID, tuple[UUID, ...]]:
        if not ids:
            return {}
        table = key.table
        rows = (await session.execute(select(key, table.c.cabinet_id).where(key.in_(ids)))).all()
        found: dict[UUID, list[UUID]] = defaultdict(list)
        for owner, cabinet_id in rows:
            found[owner].append(cabinet_id)
        return {owner: tuple(sorted(cabinet_ids, key=str)) for owner, cabinet_ids in found.items()}
