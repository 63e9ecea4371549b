"""Many concurrent holds on one project on real PostgreSQL: exactly the ones that fit succeed."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from gifthub.application.accounts.change_negative_limit import ChangeNegativeLimit, ChangeNegativeLimitCommand
from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.accounts.place_hold import PlaceHold, PlaceHoldCommand
from gifthub.application.accounts.top_up_project import TopUpCommand, TopUpProject
from gifthub.application.ports.ledger_repository import EntryFilter
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.config import Settings
from gifthub.domain.errors import InsufficientFunds
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.domain.reference import Reference, ReferenceKind
from gifthub.domain.region import Region
from gifthub.entrypoints.http.app import create_app
from gifthub.ioc import make_container
from tests.conftest import ADMIN_TOKEN, AUTH
from tests.support.live_server import LiveServer

pytestmark = pytest.mark.postgres
SYSTEM = Principal.system("test")
HOLDS = 240
EACH = Money.parse("100.00", "RUB")
# balance 9 000 + limit 3 000 = 12 000 available: exactly 120 of the 240 holds of 100.00 fit.
FITTING = 120


async def _seed(container) -> object:
    async with container() as scope:
        cabinet = await (await scope.get(CreateCabinet)).execute(SYSTEM, CreateCabinetCommand("Load"))
    async with container() as scope:
        project = await (await scope.get(CreateProject)).execute(
            SYSTEM, CreateProjectCommand(cabinet.id, "Hot project", Region.RU)
        )
    async with container() as scope:
        await (await scope.get(TopUpProject)).execute(
            SYSTEM, TopUpCommand(project.id, Money.parse("9000.00", "RUB"), Reference(ReferenceKind.PAYMENT, "p-1"))
        )
    async with container() as scope:
        await (await scope.get(ChangeNegativeLimit)).execute(
            SYSTEM, ChangeNegativeLimitCommand(project.id, Money.parse("3000.00", "RUB"))
        )
    return project


async def _assert_ledger_consistent(container, project_id) -> None:
    async with container() as scope:
        uow = await scope.get(UnitOfWork)
        async with uow:
            project = await uow.projects.get(project_id)
            balance_sum, held_sum = await uow.ledger.totals(project_id)
            entries = await uow.ledger.list_entries(EntryFilter(project_id=project_id), 10_000)
    assert project.held == Money(FITTING * EACH.minor, EACH.currency)
    assert project.available == Money.zero(EACH.currency)
    assert (balance_sum, held_sum) == (project.balance.minor, project.held.minor)
    # Gapless sequence: no entry lost, none written twice.
    assert sorted(e.sequence for e in entries) == list(range(1, project.last_sequence + 1))
    assert sum(1 for e in entries if e.kind.value == "hold") == FITTING


async def test_concurrent_holds_through_the_use_case(pg_url, tmp_path):
    settings = Settings(data_dir=tmp_path, database_url=pg_url, admin_token=ADMIN_TOKEN, db_pool_size=20)
    container = make_container(settings)
    try:
        project = await _seed(container)

        async def hold(i: int) -> str:
            async with container() as scope:
                try:
                    await (await scope.get(PlaceHold)).execute(
                        SYSTEM, PlaceHoldCommand(project.id, EACH, Reference(ReferenceKind.ORDER, f"order-{i}"))
                    )
                    return "ok"
                except InsufficientFunds:
                    return "refused"

        results = await asyncio.gather(*(hold(i) for i in range(HOLDS)))
        assert results.count("ok") == FITTING
        assert results.count("refused") == HOLDS - FITTING
        await _assert_ledger_consistent(container, project.id)
    finally:
        await container.close()


def test_concurrent_holds_through_the_http_api(pg_url, tmp_path):
    settings = Settings(data_dir=tmp_path, database_url=pg_url, admin_token=ADMIN_TOKEN, db_pool_size=20)
    seed_container = make_container(settings)
    project = asyncio.run(_seed(seed_container))
    asyncio.run(seed_container.close())

    with LiveServer(create_app(settings)) as server:

        async def storm() -> list[int]:
            limits = httpx.Limits(max_connections=64)
            async with httpx.AsyncClient(base_url=server.url, headers=AUTH, limits=limits, timeout=60) as client:

                async def hold(i: int) -> int:
                    body = {"amount": "100.00", "currency": "RUB", "reference": {"kind": "order", "value": f"h-{i}"}}
                    return (await client.post(f"/api/v1/projects/{project.id}/holds", json=body)).status_code

                return await asyncio.gather(*(hold(i) for i in range(HOLDS)))

        statuses = asyncio.run(storm())
    assert statuses.count(201) == FITTING
    assert statuses.count(409) == HOLDS - FITTING

    check_container = make_container(settings)
    try:
        asyncio.run(_assert_ledger_consistent(check_container, project.id))
    finally:
        asyncio.run(check_container.close())
