from __future__ import annotations

from uuid import UUID

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.repositories.keyset import after_keyset
from gifthub.adapters.persistence.repositories.tracker import Tracker
from gifthub.adapters.persistence.tables_accounts import projects
from gifthub.domain.project import Project


class SqlProjectRepository:
    def __init__(self, session: AsyncSession, tracker: Tracker) -> None:
        self._session, self._tracker = session, tracker

    def add(self, project: Project) -> None:
        self._session.add(project)
        self._tracker.track(project)

    async def get(self, project_id: UUID, *, for_update: bool = False) -> Project | None:
        # FOR UPDATE serializes every money operation on one project (PostgreSQL);
        # SQLite already holds the database write lock from BEGIN IMMEDIATE.
        project = await self._session.get(Project, project_id, with_for_update=for_update or None)
        if project is not None:
            self._tracker.track(project)
        return project

    async def get_by_b2b_code(self, b2b_code: str) -> Project | None:
        result = await self._session.execute(select(Project).where(projects.c.b2b_code == b2b_code))
        project = result.scalar_one_or_none()
        if project is not None:
            self._tracker.track(project)
        return project

    async def b2b_code_taken(self, b2b_code: str) -> bool:
        return bool(await self._session.scalar(select(exists().where(projects.c.b2b_code == b2b_code))))

    async def list(
        self, *, cabinet_ids: frozenset[UUID] | None, after: tuple[str, str] | None, limit: int
    ) -> list[Project]:
        query = select(Project).order_by(projects.c.created_at, projects.c.id).limit(limit)
        if cabinet_ids is not None:
            query = query.where(projects.c.cabinet_id.in_(cabinet_ids))
        condition = after_keyset(projects, after)
        if condition is not None:
            query = query.where(condition)
        return list((await self._session.execute(query)).scalars())
