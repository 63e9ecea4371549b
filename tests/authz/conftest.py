from __future__ import annotations

import pytest

from tests.conftest import _migrate_sqlite, _sqlite_url


@pytest.fixture
def database_url(tmp_path) -> str:
    """The matrix is about decisions, not engines: SQLite keeps its ~600 requests fast."""
    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url
