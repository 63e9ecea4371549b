from __future__ import annotations

from uuid import UUID

from sqlalchemy import case, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_accounts import holds, ledger_entries
from gifthub.application.ports.ledger_repository import EntryFilter
from gifthub.domain.hold import Hold
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.money import Currency, Money
from gifthub.domain.reference import Reference, ReferenceKind


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


def _entry(row) -> LedgerEntry:
    currency = Currency(row.currency)
    return LedgerEntry(
        id=row.id,
        project_id=row.project_id,
        sequence=row.sequence,
        kind=EntryKind(row.kind),
        amount=Money(row.amount_minor, currency),
        reference=Reference(ReferenceKind(row.reference_kind), row.reference_value),
        hold_id=row.hold_id,
        balance_after=Money(row.balance_after_minor, currency),
        held_after=Money(row.held_after_minor, currency),
        created_at=row.created_at,
        comment=row.comment,
    )


class SqlLedgerRepository:
    """Ledger entries through Core, not the ORM: they are written once and never change, and a bank
    statement posts thousands at a time. Entries added one by one wait in ``_pending`` and are inserted
    at commit, after the ORM has written the projects and holds they refer to."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._pending: list[dict] = []

    def add_entry(self, entry: LedgerEntry) -> None:
        self._pending.append(_entry_row(entry))

    async def flush(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            await self._session.flush()  # the projects and holds first: the entries' foreign keys
            await self._session.execute(insert(ledger_entries), pending)

    async def insert_entries(self, entries: list[LedgerEntry]) -> None:
        # One Core executemany for a statement's 10,000 entries; the unique keys (operation, project
        # sequence) guard exactly as they do for add_entry.
        if entries:
            await self.flush()
            await self._session.execute(insert(ledger_entries), [_entry_row(e) for e in entries])

    def add_hold(self, hold: Hold) -> None:
        self._session.add(hold)

    async def find_entry(self, kind: EntryKind, reference: Reference) -> LedgerEntry | None:
        await self.flush()
        query = select(ledger_entries).where(
            ledger_entries.c.kind == kind,
            ledger_entries.c.reference_kind == reference.kind,
            ledger_entries.c.reference_value == reference.value,
        )
        row = (await self._session.execute(query)).first()
        return None if row is None else _entry(row)

    async def get_hold(self, hold_id: UUID) -> Hold | None:
        return await self._session.get(Hold, hold_id)

    async def find_hold(self, reference: Reference) -> Hold | None:
        query = select(Hold).where(holds.c.reference_kind == reference.kind, holds.c.reference_value == reference.value)
        return (await self._session.execute(query)).scalar_one_or_none()

    async def list_entries(self, entry_filter: EntryFilter, limit: int) -> list[LedgerEntry]:
        await self.flush()
        c = ledger_entries.c
        query = (
            select(ledger_entries)
            .where(c.project_id == entry_filter.project_id)
            .order_by(c.sequence.desc())
            .limit(limit)
        )
        if entry_filter.kinds:
            query = query.where(c.kind.in_(sorted(entry_filter.kinds)))
        if entry_filter.since is not None:
            query = query.where(c.created_at >= entry_filter.since)
        if entry_filter.until is not None:
            query = query.where(c.created_at < entry_filter.until)
        if entry_filter.before_sequence is not None:
            query = query.where(c.sequence < entry_filter.before_sequence)
        return [_entry(row) for row in await self._session.execute(query)]

    async def totals(self, project_id: UUID) -> tuple[int, int]:
        await self.flush()
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
