"""Who of a cabinet may be told about a project, read from memberships and grants."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_accounts import projects
from gifthub.adapters.persistence.tables_identity import cabinet_memberships, project_grants, users
from gifthub.application.ports.notification_audience import Member
from gifthub.domain.user import UserStatus


def _member(row, granted: bool) -> Member:
    return Member(row.id, row.email, row.time_zone, row.role, granted, row.language)


class SqlNotificationAudience:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_project(self, project_id: UUID) -> list[Member]:
        query = (
            select(
                users.c.id,
                users.c.email,
                users.c.time_zone,
                users.c.language,
                cabinet_memberships.c.role,
                project_grants.c.project_id,
            )
            .select_from(projects)
            .join(cabinet_memberships, cabinet_memberships.c.cabinet_id == projects.c.cabinet_id)
            .join(users, users.c.id == cabinet_memberships.c.user_id)
            .outerjoin(
                project_grants,
                and_(project_grants.c.user_id == users.c.id, project_grants.c.project_id == projects.c.id),
            )
            .where(projects.c.id == project_id, users.c.status == UserStatus.ACTIVE, users.c.staff_role.is_(None))
            .where(cabinet_memberships.c.accepted_at.is_not(None))  # an invitation hears nothing yet
            .order_by(users.c.id)
        )
        rows = (await self._session.execute(query)).all()
        return [_member(row, row.project_id is not None) for row in rows]

    async def member(self, user_id: UUID, cabinet_id: UUID) -> Member | None:
        query = (
            select(users.c.id, users.c.email, users.c.time_zone, users.c.language, cabinet_memberships.c.role)
            .join(cabinet_memberships, cabinet_memberships.c.user_id == users.c.id)
            .where(users.c.id == user_id, cabinet_memberships.c.cabinet_id == cabinet_id)
            .where(users.c.status == UserStatus.ACTIVE, cabinet_memberships.c.accepted_at.is_not(None))
        )
        row = (await self._session.execute(query)).first()
        return None if row is None else _member(row, False)
