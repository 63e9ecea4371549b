"""The stored BIC directory; an import swaps every row in one transaction."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.tables_counterparties import bank_directory_imports, banks
from gifthub.application.ports.bank_directory import DirectorySnapshot
from gifthub.domain.bank import Bank


def _row(bank: Bank) -> dict:
    return {
        "bic": bank.bic,
        "name": bank.name[:300],
        "english_name": bank.english_name[:300],
        "city": bank.city[:120],
        "postcode": bank.postcode[:10],
        "address": bank.address[:300],
        "participant_type": bank.participant_type[:4],
        "participant_status": bank.participant_status[:4],
        "restrictions": ",".join(bank.restrictions)[:200],
        "correspondent_account": bank.correspondent_account,
        "swift_bic": bank.swift_bic,
        "directory_date": bank.directory_date,
    }


def _bank(row) -> Bank:
    return Bank(
        bic=row.bic,
        name=row.name,
        english_name=row.english_name,
        city=row.city,
        postcode=row.postcode,
        address=row.address,
        participant_type=row.participant_type,
        participant_status=row.participant_status,
        restrictions=tuple(code for code in row.restrictions.split(",") if code),
        correspondent_account=row.correspondent_account,
        swift_bic=row.swift_bic,
        directory_date=row.directory_date,
    )


class SqlBankDirectory:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def find(self, bic: str) -> Bank | None:
        async with self._sessions() as session:
            row = (await session.execute(select(banks).where(banks.c.bic == bic))).first()
        return None if row is None else _bank(row)

    async def count(self) -> int:
        async with self._sessions() as session:
            return int((await session.execute(select(func.count()).select_from(banks))).scalar_one())

    async def replace(self, snapshot: DirectorySnapshot, *, source: str) -> None:
        async with self._sessions() as session, session.begin():
            if session.bind.dialect.name == "postgresql":
                # Two workers refreshing at once would both insert every BIC: the second waits instead.
                await session.execute(text("LOCK TABLE banks IN EXCLUSIVE MODE"))
            await session.execute(delete(banks))
            await session.execute(insert(banks), [_row(bank) for bank in snapshot.banks])
            await session.execute(
                insert(bank_directory_imports).values(
                    business_day=snapshot.business_day,
                    source=source[:1000],
                    entries=len(snapshot.banks),
                    imported_at=datetime.now(UTC),
                )
            )
