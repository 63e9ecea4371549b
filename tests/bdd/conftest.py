from __future__ import annotations

import pytest
from litestar.testing import TestClient

from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import _migrate_sqlite, _sqlite_url, clock_provider
from tests.support.identity import BASE_URL, hasher_provider


@pytest.fixture
def database_url(tmp_path) -> str:
    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


@pytest.fixture
def app_client(settings, clock):
    """The sync test client: pytest-bdd steps are sync; the app runs on the client's own event loop."""
    container = make_container(settings, *http_providers(), clock_provider(clock), hasher_provider())
    with TestClient(app=create_app(settings, container), base_url=BASE_URL) as client:
        yield client
