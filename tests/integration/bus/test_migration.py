"""The bus migration goes up and down on both engines."""

from __future__ import annotations

from sqlalchemy import inspect

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.migrator import downgrade, upgrade


async def test_0007_bus_downgrades_and_upgrades_again(database_url) -> None:
    engine = create_engine(database_url)
    try:

        async def tables() -> set[str]:
            async with engine.connect() as connection:
                return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))

        bus_tables = {"inbox", "email_deliveries", "notifications", "low_balance_alerts"}
        assert bus_tables <= await tables()
        await downgrade(engine, "0001_core")
        assert not bus_tables & await tables()
        assert "outbox" in await tables()
        await upgrade(engine)
        assert bus_tables <= await tables()
    finally:
        await engine.dispose()
