from __future__ import annotations

from uuid import UUID

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_accounts import holds, ledger_entries
from gifthub.application.ports.ledger_repository import EntryFilter
from gifthub.domain.hold import Hold
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.reference import Reference


class SqlLedgerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add_entry(self, entry: LedgerEntry) -> None:
        self._session.add(entry)

    def add_hold(self, hold: Hold) -> None:
        self._session.add(hold)

    async def find_entry(self, kind: EntryKind, reference: Reference) -> LedgerEntry | None:
        query = select(LedgerEntry).where(
            ledger_entries.c.kind == kind,
            ledger_entries.c.reference_kind == reference.kind,
            ledger_entries.c.reference_value == reference.value,
        )
        return (await self._session.execute(query)).scalar_one_or_none()

    async def get_hold(self, hold_id: UUID) -> Hold | None:
        return await self._session.get(Hold, hold_id)

    async def find_hold(self, reference: Reference) -> Hold | None:
        query = select(Hold).where(holds.c.reference_kind == reference.kind, holds.c.reference_value == reference.value)
        return (await self._session.execute(query)).scalar_one_or_none()

    async def list_entries(self, entry_filter: EntryFilter, limit: int) -> list[LedgerEntry]:
        c = ledger_entries.c
        query = (
            select(LedgerEntry).where(c.project_id == entry_filter.project_id).order_by(c.sequence.desc()).limit(limit)
        )
        if entry_filter.kinds:
            query = query.where(c.kind.in_(sorted(entry_filter.kinds)))
        if entry_filter.since is not None:
            query = query.where(c.created_at >= entry_filter.since)
        if entry_filter.until is not None:
            query = query.where(c.created_at < entry_filter.until)
        if entry_filter.before_sequence is not None:
            query = query.where(c.sequence < entry_filter.before_sequence)
        return list((await self._session.execute(query)).scalars())

    async def totals(self, project_id: UUID) -> tuple[int, int]:
        c = ledger_entries.c
        balance = case(
            (c.kind.in_([EntryKind.TOP_UP, EntryKind.ADJUSTMENT]), c.amount_minor),
            (c.kind == EntryKind.CAPTURE, -c.amount_minor),
            else_=0,
        )
        held = case(
            (c.kind == EntryKind.HOLD, c.amount_minor),
            (c.kind.in_([EntryKind.RELEASE, EntryKind.CAPTURE]), -c.amount_minor),
            else_=0,
        )
        query = select(func.coalesce(func.sum(balance), 0), func.coalesce(func.sum(held), 0)).where(
            c.project_id == project_id
        )
        row = (await self._session.execute(query)).one()
        return int(row[0]), int(row[1])
