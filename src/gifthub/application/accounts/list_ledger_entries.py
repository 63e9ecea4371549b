from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from gifthub.application.authorization import ensure_sees_project
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.ledger_repository import EntryFilter
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.ledger import EntryKind, LedgerEntry


@dataclass(frozen=True)
class LedgerQuery:
    project_id: UUID
    kinds: frozenset[EntryKind] | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 50
    cursor: str | None = None


class ListLedgerEntries:
    """A project's statement, newest first, filtered by period and kind."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, query: LedgerQuery) -> Page[LedgerEntry]:
        check_limit(query.limit)
        after = decode_cursor(query.cursor, 1)
        async with self._uow as uow:
            ensure_sees_project(principal, await uow.projects.get(query.project_id))
            rows = await uow.ledger.list_entries(
                EntryFilter(
                    project_id=query.project_id,
                    kinds=query.kinds,
                    since=query.since,
                    until=query.until,
                    before_sequence=int(after[0]) if after else None,
                ),
                query.limit + 1,
            )
        return page_of(rows, query.limit, lambda e: encode_cursor(e.sequence))
