"""Migrations run from empty to head and back on both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.migrator import current_heads, downgrade, expected_heads, is_current, upgrade


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    return request.getfixturevalue("postgres").empty_database()


async def _tables(engine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def test_upgrade_to_head_then_downgrade_to_base(empty_url):
    engine = create_engine(empty_url)
    try:
        assert not await is_current(engine)
        await upgrade(engine)
        assert await current_heads(engine) == expected_heads()
        assert set(metadata.tables) <= await _tables(engine)
        await downgrade(engine, "base")
        assert await _tables(engine) <= {"alembic_version"}
        assert await current_heads(engine) == set()
        await upgrade(engine)  # and up again: downgrades leave nothing behind that blocks it
        assert await is_current(engine)
    finally:
        await engine.dispose()


async def test_the_models_and_the_migrations_agree(database_url):
    """Autogenerate against a migrated database finds nothing to do: no table drifted from its migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            diff = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync, opts={"compare_type": False}), metadata)
            )
    finally:
        await engine.dispose()
    assert diff == []
