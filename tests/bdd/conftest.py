"""BDD steps drive the real app through Litestar's sync TestClient (pytest-bdd steps are sync)."""

from __future__ import annotations

import pytest
from litestar.testing import TestClient

from gifthub.config import Settings
from gifthub.entrypoints.http.app import create_app
from tests.conftest import ADMIN_TOKEN, AUTH, _migrate_sqlite, _sqlite_url


@pytest.fixture
def api(tmp_path):
    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    app = create_app(Settings(data_dir=tmp_path, database_url=url, admin_token=ADMIN_TOKEN))
    with TestClient(app=app) as client:
        client.headers.update(AUTH)
        yield client


@pytest.fixture
def world() -> dict:
    """What a scenario remembers between steps."""
    return {}
