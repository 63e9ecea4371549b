from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import can_see_project, ensure_sees_cabinet
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.project import Project


class ListProjects:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(
        self, principal: Principal, *, cabinet_id: UUID | None, limit: int, cursor: str | None
    ) -> Page[Project]:
        check_limit(limit)
        after = decode_cursor(cursor, 2)
        async with self._uow as uow:
            if principal.kind is PrincipalKind.API_CLIENT:
                project = await uow.projects.get(principal.project_id) if principal.project_id else None
                return Page([project] if project else [], None)
            if cabinet_id is not None:
                ensure_sees_cabinet(principal, await uow.cabinets.get(cabinet_id))
                scope = frozenset({cabinet_id})
            else:
                scope = None if principal.is_platform else principal.cabinet_ids
            rows = await self._visible(uow, principal, scope, tuple(after) if after else None, limit + 1)
        return page_of(rows, limit, lambda p: encode_cursor(p.created_at.isoformat(), str(p.id)))

    @staticmethod
    async def _visible(uow, principal: Principal, scope, after: tuple | None, wanted: int) -> list[Project]:
        """Operators and accountants see only granted projects: skip the others, reading on until the page
        is full, so paging stays right."""
        visible: list[Project] = []
        while len(visible) < wanted:
            batch = await uow.projects.list(cabinet_ids=scope, after=after, limit=wanted)
            visible.extend(p for p in batch if can_see_project(principal, p))
            if len(batch) < wanted:
                break
            last = batch[-1]
            after = (last.created_at.isoformat(), str(last.id))
        return visible[:wanted]
