from __future__ import annotations

from uuid import UUID

from sqlalchemy import case, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_accounts import holds, ledger_entries
from gifthub.application.ports.ledger_repository import EntryFilter
from gifthub.domain.hold import Hold
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.reference import Reference


def _entry_row(entry: LedgerEntry) -> dict:
    return {
        "id": entry.id,
        "project_id": entry.project_id,
        "sequence": entry.sequence,
        "kind": entry.kind,
        "currency": entry.amount.currency,
        "amount_minor": entry.amount.minor,
        "reference_kind": entry.reference.kind,
        "reference_value": entry.reference.value,
        "hold_id": entry.hold_id,
        "balance_after_minor": entry.balance_after.minor,
        "held_after_minor": entry.held_after.minor,
        "comment": entry.comment,
        "created_at": entry.created_at,
    }


class SqlLedgerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add_entry(self, entry: LedgerEntry) -> None:
        self._session.add(entry)

    async def insert_entries(self, entries: list[LedgerEntry]) -> None:
        # One Core executemany instead of the ORM flushing a statement's 10,000 entries one by one; the
        # unique keys (operation, project sequence) guard exactly as they do for add_entry.
        if entries:
            await self._session.execute(insert(ledger_entries), [_entry_row(e) for e in entries])

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
