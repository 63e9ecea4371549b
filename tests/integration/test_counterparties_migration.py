"""The 0006_counterparties migration goes down and up again on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.migrator import downgrade, upgrade

TABLES = {"companies", "cabinet_companies", "company_bank_accounts", "banks", "bank_directory_imports", "crm_failures"}


async def _tables(engine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def test_downgrade_removes_the_tables_and_upgrade_restores_them(database_url):
    engine = create_engine(database_url)
    try:
        assert TABLES <= await _tables(engine)
        await downgrade(engine, "0001_core")
        remaining = await _tables(engine)
        assert not TABLES & remaining and "cabinets" in remaining
        await upgrade(engine)
        assert TABLES <= await _tables(engine)
    finally:
        await engine.dispose()
