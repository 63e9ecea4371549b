from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from dishka import Provider, Scope, provide
from litestar.testing import AsyncTestClient

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.migrator import upgrade
from gifthub.application.ports.clock import Clock
from gifthub.config import Settings
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.support.clock import MutableClock
from tests.support.components import missing

ADMIN_TOKEN = "test-admin-token-0123456789"
AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture(scope="session")
def postgres(tmp_path_factory):
    from tests.support.postgres import PostgresCluster

    try:
        cluster = PostgresCluster(tmp_path_factory.mktemp("postgres") / "data")
    except Exception as error:  # noqa: BLE001 - any failure to start means the component is missing
        missing("embedded PostgreSQL", error)
    yield cluster
    cluster.stop()


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path / 'gifthub.db'}"


def _migrate_sqlite(url: str) -> None:
    async def run() -> None:
        engine = create_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> str:
    """A migrated, empty database on each engine: the same tests run on SQLite and PostgreSQL."""
    if request.param == "sqlite":
        url = _sqlite_url(tmp_path)
        _migrate_sqlite(url)
        return url
    return request.getfixturevalue("postgres").migrated_database()


@pytest.fixture
def pg_url(postgres) -> str:
    return postgres.migrated_database()


@pytest.fixture
def clock() -> MutableClock:
    return MutableClock()


class _ClockProvider(Provider):
    def __init__(self, clock: MutableClock) -> None:
        super().__init__(scope=Scope.APP)
        self._clock = clock

    @provide
    def clock(self) -> Clock:
        return self._clock


def clock_provider(clock: MutableClock) -> Provider:
    """Tests override the clock through the container, never by patching."""
    return _ClockProvider(clock)


@pytest.fixture
def settings(database_url, tmp_path) -> Settings:
    return Settings(data_dir=tmp_path, database_url=database_url, admin_token=ADMIN_TOKEN)


@pytest.fixture
async def container(settings, clock):
    container = make_container(settings, clock_provider(clock))
    yield container
    await container.close()


@pytest.fixture
async def client(settings, clock):
    container = make_container(settings, *http_providers(), clock_provider(clock))
    app = create_app(settings, container)
    async with AsyncTestClient(app=app) as client:
        client.headers.update(AUTH)
        yield client
