from __future__ import annotations

from gifthub.application.authorization import ensure_can_read_audit
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.audit_repository import AuditQuery
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.audit import AuditRecord
from gifthub.domain.identity import Principal


class ListAudit:
    """The audit trail, oldest first: a cabinet's for its owner; everything for platform staff."""

    def __init__(self, uow: IdentityUnitOfWork) -> None:
        self._uow = uow

    async def execute(
        self, principal: Principal, query: AuditQuery, *, limit: int, cursor: str | None
    ) -> Page[AuditRecord]:
        check_limit(limit)
        after = decode_cursor(cursor, 2)
        async with self._uow as uow:
            cabinet = await uow.cabinets.get(query.cabinet_id) if query.cabinet_id else None
            ensure_can_read_audit(principal, cabinet, query.cabinet_id is not None)
            rows = await uow.audit.list(query, after=tuple(after) if after else None, limit=limit + 1)
        return page_of(rows, limit, lambda r: encode_cursor(r.created_at.isoformat(), str(r.id)))
