"""`gifthub catalog sync` with the default sandbox works with no server up (in-process transport)."""

from __future__ import annotations

from click.testing import CliRunner

from gifthub.entrypoints.cli.main import cli
from tests.conftest import _migrate_sqlite, _sqlite_url


def test_catalog_sync_from_the_command_line(tmp_path):
    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    env = {"GIFTHUB_DATABASE_URL": url, "GIFTHUB_DATA_DIR": str(tmp_path), "GIFTERY_URL": ""}
    result = CliRunner().invoke(cli, ["catalog", "sync"], env=env)
    assert result.exit_code == 0, result.output
    assert "228 products (228 new" in result.output
    again = CliRunner().invoke(cli, ["catalog", "sync"], env=env)
    assert "(0 new, 0 changed, 0 deactivated)" in again.output


def test_the_sandbox_command_rejects_a_bad_fault():
    result = CliRunner().invoke(cli, ["sandbox", "giftery", "--http-error-rate", "3"])
    assert result.exit_code == 2 and "http_error_rate" in result.output
