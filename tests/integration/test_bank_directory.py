"""Storing the BIC directory on SQLite and PostgreSQL: a refresh swaps it whole or not at all."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from gifthub.adapters.bic import SAMPLE_PATH
from gifthub.adapters.bic.generator import SAMPLE_DAY, SampleBank, ed807_xml
from gifthub.application.counterparties.get_bank import GetBank
from gifthub.application.counterparties.refresh_bank_directory import RefreshBankDirectory
from gifthub.application.errors import Forbidden, NotFound
from gifthub.application.ports.bank_directory import BankDirectory, DirectoryFileError
from gifthub.domain.identity import Principal, StaffRole
from gifthub.domain.requisites import InvalidRequisite
from gifthub.entrypoints.cli.main import cli

SYSTEM = Principal.system("test")


async def _refresh(container, location) -> None:
    async with container() as scope:
        await (await scope.get(RefreshBankDirectory)).execute(SYSTEM, str(location))


async def _bank(container, bic):
    async with container() as scope:
        return await (await scope.get(GetBank)).execute(SYSTEM, bic)


async def test_import_replaces_the_whole_directory_and_a_bad_file_replaces_nothing(container, tmp_path):
    await _refresh(container, SAMPLE_PATH)
    assert (await _bank(container, "044525225")).correspondent_account == "30101810400000000225"
    assert await (await container.get(BankDirectory)).count() == 12

    broken = tmp_path / "broken.xml"
    broken.write_bytes(SAMPLE_PATH.read_bytes()[:-300])
    with pytest.raises(DirectoryFileError, match=r"^line \d+"):
        await _refresh(container, broken)
    assert await (await container.get(BankDirectory)).count() == 12

    smaller = tmp_path / "smaller.xml"
    smaller.write_bytes(ed807_xml([SampleBank("044525999", 'АО "Новый Банк"')], SAMPLE_DAY))
    await _refresh(container, smaller)
    assert (await _bank(container, "044525999")).name == 'АО "Новый Банк"'
    with pytest.raises(NotFound, match="044525225 is not in the Bank of Russia directory"):
        await _bank(container, "044525225")


async def test_lookup_checks_the_bic_and_only_admins_import(container):
    with pytest.raises(InvalidRequisite, match="BIC must be 9 digits"):
        await _bank(container, "04452522")
    support = Principal.staff("s", StaffRole.PLATFORM_SUPPORT)
    async with container() as scope:
        with pytest.raises(Forbidden):
            await (await scope.get(RefreshBankDirectory)).execute(support, str(SAMPLE_PATH))
    with pytest.raises(DirectoryFileError, match="no such file"):
        await _refresh(container, "/nonexistent/ed807.xml")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_cli_imports_and_refuses_a_corrupt_file_clearly(database_url, tmp_path):
    env = {"GIFTHUB_DATABASE_URL": database_url, "GIFTHUB_DATA_DIR": str(tmp_path)}
    result = CliRunner().invoke(cli, ["bic", "import", str(SAMPLE_PATH)], env=env)
    assert result.exit_code == 0, result.output
    assert "12 participants, 10 can receive payment orders" in result.output
    broken = tmp_path / "broken.xml"
    broken.write_bytes(SAMPLE_PATH.read_bytes().decode("cp1251").encode("utf-8"))
    result = CliRunner().invoke(cli, ["bic", "import", str(broken)], env=env)
    assert result.exit_code == 1
    assert "line 3" in result.output and "the directory was not changed" in result.output


async def test_a_full_size_directory_imports_well_under_five_seconds(container, tmp_path):
    import time

    from gifthub.adapters.bic.generator import full_size

    path = tmp_path / "20261120_ED807_full.xml"
    path.write_bytes(ed807_xml(full_size(1200), SAMPLE_DAY))
    assert path.stat().st_size > 800_000
    started = time.perf_counter()
    await _refresh(container, path)
    assert time.perf_counter() - started < 5.0
    assert await (await container.get(BankDirectory)).count() == 1200


async def test_two_refreshes_at_once_leave_one_whole_directory(container):
    import asyncio

    from gifthub.adapters.bic.ed807 import read_ed807

    directory = await container.get(BankDirectory)
    snapshot = read_ed807(SAMPLE_PATH)
    await asyncio.gather(*(directory.replace(snapshot, source="test") for _ in range(3)))
    assert await directory.count() == 12
