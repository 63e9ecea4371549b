"""Migration 0004_orders goes down and up again on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.migrator import downgrade, upgrade

ORDER_TABLES = {"orders", "order_certificates", "order_idempotency_keys", "order_uploads"}


async def _tables(engine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def test_orders_migration_downgrades_and_upgrades(database_url):
    engine = create_engine(database_url)
    try:
        assert ORDER_TABLES <= await _tables(engine)
        await downgrade(engine, "0001_core")
        remaining = await _tables(engine)
        assert not ORDER_TABLES & remaining and "projects" in remaining
        await upgrade(engine)
        assert ORDER_TABLES <= await _tables(engine)
    finally:
        await engine.dispose()
