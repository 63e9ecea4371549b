"""0002_identity matches the tables' metadata on both engines and downgrades cleanly."""

from __future__ import annotations

from sqlalchemy import inspect

from gifthub.adapters.persistence import tables_identity
from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.migrator import downgrade, upgrade

IDENTITY_TABLES = {
    t.name for t in vars(tables_identity).values() if getattr(t, "metadata", None) is metadata and hasattr(t, "c")
}


async def _columns(engine) -> dict[str, set[str]]:
    async with engine.connect() as connection:

        def read(sync):
            inspector = inspect(sync)
            return {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}

        return await connection.run_sync(read)


async def test_identity_migration_matches_metadata_and_downgrades(database_url):
    engine = create_engine(database_url)
    try:
        migrated = await _columns(engine)
        assert len(IDENTITY_TABLES) >= 10
        for name in IDENTITY_TABLES:
            assert migrated[name] == {c.name for c in metadata.tables[name].columns}, name
        await downgrade(engine, "0001_core")
        assert not IDENTITY_TABLES & set(await _columns(engine))
        await upgrade(engine)
        assert IDENTITY_TABLES <= set(await _columns(engine))
    finally:
        await engine.dispose()
