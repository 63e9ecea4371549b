from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_sees_cabinet
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
            rows = await uow.projects.list(cabinet_ids=scope, after=tuple(after) if after else None, limit=limit + 1)
        return page_of(rows, limit, lambda p: encode_cursor(p.created_at.isoformat(), str(p.id)))
