from __future__ import annotations

from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.identity import Principal


class ListCabinets:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, *, limit: int, cursor: str | None) -> Page[Cabinet]:
        check_limit(limit)
        after = decode_cursor(cursor, 2)
        ids = None if principal.is_platform else principal.cabinet_ids
        async with self._uow as uow:
            rows = await uow.cabinets.list(after=tuple(after) if after else None, limit=limit + 1, ids=ids)
        return page_of(rows, limit, lambda c: encode_cursor(c.created_at.isoformat(), str(c.id)))
