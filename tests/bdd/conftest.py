"""BDD steps drive the real app through Litestar's sync TestClient (pytest-bdd steps are sync)."""

from __future__ import annotations

import pytest
from litestar.testing import TestClient

from gifthub.config import Settings
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import ADMIN_TOKEN, AUTH, _migrate_sqlite, _sqlite_url, clock_provider
from tests.support.identity import BASE_URL, hasher_provider


@pytest.fixture
def database_url(tmp_path) -> str:
    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


@pytest.fixture
def api(database_url, tmp_path):
    """The platform administrator's view: the bootstrap bearer token on every request."""
    app = create_app(Settings(data_dir=tmp_path, database_url=database_url, admin_token=ADMIN_TOKEN))
    with TestClient(app=app) as client:
        client.headers.update(AUTH)
        yield client


@pytest.fixture
def app_client(settings, clock):
    """The app on the client's own event loop, for steps that sign users in."""
    container = make_container(settings, *http_providers(), clock_provider(clock), hasher_provider())
    with TestClient(app=create_app(settings, container), base_url=BASE_URL) as client:
        yield client


@pytest.fixture
def world() -> dict:
    """What a scenario remembers between steps."""
    return {}
