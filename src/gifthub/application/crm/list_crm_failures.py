from __future__ import annotations

from gifthub.application.errors import Forbidden
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.counterparties_unit_of_work import CounterpartiesUnitOfWork
from gifthub.domain.crm import CrmFailure
from gifthub.domain.identity import Principal


class ListCrmFailures:
    """Leads the CRM refused for good, newest first: platform staff fix the cause and re-create them."""

    def __init__(self, uow: CounterpartiesUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, *, limit: int, cursor: str | None) -> Page[CrmFailure]:
        if not principal.is_platform:
            raise Forbidden("only platform staff see CRM failures")
        check_limit(limit)
        after = decode_cursor(cursor, 2)
        async with self._uow as uow:
            rows = await uow.crm_failures.list(after=tuple(after) if after else None, limit=limit + 1)
        return page_of(rows, limit, lambda f: encode_cursor(f.failed_at.isoformat(), str(f.id)))
