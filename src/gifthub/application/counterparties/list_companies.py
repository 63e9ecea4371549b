from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_read_companies, ensure_sees_cabinet
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.counterparties_unit_of_work import CounterpartiesUnitOfWork
from gifthub.domain.company import Company
from gifthub.domain.identity import Principal


class ListCompanies:
    def __init__(self, uow: CounterpartiesUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, cabinet_id: UUID, *, limit: int, cursor: str | None) -> Page[Company]:
        check_limit(limit)
        after = decode_cursor(cursor, 2)
        async with self._uow as uow:
            cabinet = ensure_can_read_companies(
                principal, ensure_sees_cabinet(principal, await uow.cabinets.get(cabinet_id))
            )
            rows = await uow.companies.list_for_cabinet(
                cabinet.id, after=tuple(after) if after else None, limit=limit + 1
            )
        return page_of(rows, limit, lambda c: encode_cursor(c.created_at.isoformat(), str(c.id)))
