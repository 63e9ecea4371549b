"""More concurrent money requests than the pool has connections, on SQLite and PostgreSQL, over real HTTP.

A request that held the project's lock (and its connection) while asking the pool for a second one (to
read the catalog or prices) stalled the server once the requests outnumbered the connections: every
connection was held by a waiter. Here the pool is small on purpose (settings.db_pool_size = 2: four
connections with the overflow) and the storm is four times that: quick orders, drafts created, edited and
submitted, holds, invoices, "resume waiting orders" and XLSX lists on one project, with a read of an
unrelated project timed meanwhile."""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal

import httpx

from gifthub.application.ports.catalog_store import CatalogStore
from gifthub.application.ports.giftery_gateway import CatalogSnapshot
from gifthub.config import Settings
from gifthub.entrypoints.http.app import create_app
from gifthub.ioc import make_container
from tests.conftest import ADMIN_TOKEN, AUTH
from tests.http.helpers import money, new_project
from tests.orders.builders import NOW, product
from tests.orders.xlsx_files import xlsx
from tests.support.billing import ru_seller_data
from tests.support.live_server import LiveServer

POOL_SIZE = 2
CONNECTIONS = 2 * POOL_SIZE  # the pool and as many overflow connections (engine.create_engine)
QUICK, DRAFTS, HOLDS = 8, 4, 4  # 16 spenders at once (four times the connections), and beside them:
INVOICES, RESUMES, LISTS = 3, 2, 2  # invoices, "resume waiting orders", XLSX lists accepted: same project
PRICE = Decimal("1000.00")  # product 101 at 1000.00, no commission in a fresh cabinet
BALANCE = Decimal("9000.00")  # fits 9 of the 16 spends of 1000.00: the rest must wait or be refused
SLOWEST_READ_SECONDS = 5.0  # it waited 29 s when the pool was taken by waiters


async def _seed_catalog(settings: Settings) -> None:
    container = make_container(settings)
    try:
        store = await container.get(CatalogStore)
        await store.apply(CatalogSnapshot(products=[product("101", fixed=(100000, 300000))]), NOW)
    finally:
        await container.close()


async def _storm(url: str) -> None:
    limits = httpx.Limits(max_connections=64)
    async with httpx.AsyncClient(base_url=url, headers=AUTH, limits=limits, timeout=90) as client:
        seller = await client.post("/api/v1/platform/sellers", json=ru_seller_data())
        assert seller.status_code == 201, seller.text
        hot = await new_project(client, top_up=str(BALANCE))
        other = await new_project(client)
        orders = f"/api/v1/projects/{hot['id']}/orders"
        drafts = []
        for i in range(DRAFTS):
            body = {"lines": [{"product_id": "101", "nominal": "1000.00", "recipients": [{"email": f"d{i}@x.ru"}]}]}
            created = await client.post(orders, json=body)
            assert created.status_code == 201, created.text
            drafts.append(created.json()["id"])

        async def quick(i: int) -> httpx.Response:
            body = {"product_id": "101", "nominal": "1000.00", "emails": [f"q{i}@x.ru"]}
            return await client.post(f"{orders}/quick", json=body)

        async def submit(order_id: str) -> httpx.Response:
            return await client.post(f"{orders}/{order_id}/submit")

        async def hold(i: int) -> httpx.Response:
            return await client.post(f"/api/v1/projects/{hot['id']}/holds", json=money("1000.00", value=f"h-{i}"))

        async def draft_edit() -> httpx.Response:  # prices a draft again: the catalog read, as quick orders do
            body = {"lines": [{"product_id": "101", "nominal": "3000.00", "quantity": 2}]}
            created = await client.post(orders, json=body)
            return await client.put(f"{orders}/{created.json()['id']}", json=body)

        async def invoice() -> httpx.Response:
            body = {"amount": "5000.00", "currency": "RUB", "buyer": {"name": "ООО Ромашка", "inn": "7707083893"}}
            return await client.post(f"/api/v1/projects/{hot['id']}/invoices", json=body)

        async def resume() -> httpx.Response:
            return await client.post(f"{orders}/resume")

        async def xlsx_list(i: int) -> httpx.Response:
            content = xlsx([["101", 1000, 1, "A", f"x{i}-{n}@x.ru"] for n in range(3)])
            files = {"file": (f"list-{i}.xlsx", content, "application/octet-stream")}
            return await client.post(f"{orders}/xlsx", files=files, data={"accept": "true"})

        storming = True
        read_seconds: list[float] = []

        async def unrelated_reads() -> None:
            while storming:
                started = time.monotonic()
                answer = await client.get(f"/api/v1/projects/{other['id']}/balance")
                read_seconds.append(time.monotonic() - started)
                assert answer.status_code == 200, answer.text
                await asyncio.sleep(0.05)

        reader = asyncio.create_task(unrelated_reads())
        try:
            answers = await asyncio.gather(
                *(quick(i) for i in range(QUICK)),
                *(submit(order_id) for order_id in drafts),
                *(hold(i) for i in range(HOLDS)),
                draft_edit(),
                *(invoice() for _ in range(INVOICES)),
                *(resume() for _ in range(RESUMES)),
                *(xlsx_list(i) for i in range(LISTS)),
            )
        finally:
            storming = False
            await reader

        statuses = [a.status_code for a in answers]
        assert all(s < 500 for s in statuses), [a.text for a in answers if a.status_code >= 500]
        quick_orders = [a.json() for a in answers[:QUICK]]
        submitted = [a.json() for a in answers[QUICK : QUICK + DRAFTS]]
        holds = answers[QUICK + DRAFTS : QUICK + DRAFTS + HOLDS]
        assert [a.status_code for a in answers[:QUICK]] == [201] * QUICK
        assert all(a.status_code in (201, 409) for a in holds), [a.text for a in holds]
        rest = iter(answers[QUICK + DRAFTS + HOLDS :])
        edited = next(rest)
        invoices = [next(rest) for _ in range(INVOICES)]
        resumed = [next(rest) for _ in range(RESUMES)]
        lists = list(rest)
        assert [a.status_code for a in lists] == [201] * LISTS, [a.text for a in lists]
        assert edited.status_code == 200, edited.text
        assert [a.status_code for a in invoices] == [201] * INVOICES, [a.text for a in invoices]
        assert [a.status_code for a in resumed] == [200] * RESUMES, [a.text for a in resumed]
        # Whatever did not fit waits for payment (orders) or is refused (holds): nobody overdraws.
        queued = [o for o in quick_orders + submitted if o["status"] == "queued"]
        waiting = [o for o in quick_orders + submitted if o["status"] == "awaiting_payment"]
        placed = sum(1 for a in holds if a.status_code == 201)
        assert len(queued) + len(waiting) == QUICK + DRAFTS
        assert len(queued) + placed == int(BALANCE / PRICE)
        balance = (await client.get(f"/api/v1/projects/{hot['id']}/balance")).json()
        assert Decimal(balance["available"]) == 0
        assert Decimal(balance["held"]) == BALANCE
        assert read_seconds and max(read_seconds) < SLOWEST_READ_SECONDS, max(read_seconds)


def test_more_concurrent_money_requests_than_connections_all_answer(database_url, tmp_path):
    settings = Settings(data_dir=tmp_path, database_url=database_url, admin_token=ADMIN_TOKEN, db_pool_size=POOL_SIZE)
    asyncio.run(_seed_catalog(settings))
    with LiveServer(create_app(settings)) as server:
        asyncio.run(_storm(server.url))
