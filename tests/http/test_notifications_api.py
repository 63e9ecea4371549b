"""A top-up becomes an in-app notification through the in-process bus; read it, count it, stream it."""

from __future__ import annotations

import asyncio
import dataclasses

import httpx
import pytest

from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider
from tests.http.helpers import money, new_project
from tests.integration.bus.conftest import eventually
from tests.support.live_server import LiveServer, free_port


@pytest.fixture
def database_url(tmp_path) -> str:
    """SQLite, the ``make run`` setup the in-process bus belongs to."""
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


async def test_top_up_notifies_and_can_be_read(client) -> None:
    project = await new_project(client, top_up="1500.00")
    recipient = f"project:{project['id']}"

    async def notified() -> bool:
        listing = (await client.get("/api/v1/notifications", params={"recipient": recipient})).json()
        return listing["unread"] == 1

    await eventually(notified, within=10, what="the top-up notification")
    listing = (await client.get("/api/v1/notifications", params={"recipient": recipient})).json()
    [item] = listing["items"]
    assert (item["kind"], item["title"], item["read"]) == ("balance_topped_up", "Баланс пополнен на 1500.00 RUB", False)

    read = await client.post(f"/api/v1/notifications/{item['id']}/read", params={"recipient": recipient})
    assert read.status_code == 200 and read.json()["read"] is True
    assert (await client.get("/api/v1/notifications", params={"recipient": recipient})).json()["unread"] == 0
    other = await client.post(f"/api/v1/notifications/{item['id']}/read", params={"recipient": "project:someone-else"})
    assert other.status_code == 404
    assert (await client.get("/api/v1/notifications")).status_code == 403  # whose? the platform must say


async def test_stream_pushes_new_notifications_over_real_http(settings, clock) -> None:
    """Real HTTP over loopback: the stream stays open while a top-up happens on another connection."""
    # The server knows its own port, so the project's CRM lead reaches the mounted Bitrix24 emulator at
    # once instead of retrying ahead of the top-up's notification on the in-process bus.
    port = free_port()
    settings = dataclasses.replace(settings, port=port)
    container = make_container(settings, *http_providers(), clock_provider(clock))
    with LiveServer(create_app(settings, container), port=port) as server:
        async with httpx.AsyncClient(base_url=server.url, headers=AUTH, timeout=20) as http:
            project = await new_project(http)
            recipient = f"project:{project['id']}"

            async def read_stream() -> str:
                params = {"recipient": recipient, "for_seconds": 4}
                async with http.stream("GET", "/api/v1/notifications/stream", params=params) as response:
                    assert response.headers["content-type"].startswith("text/event-stream")
                    return "".join([chunk async for chunk in response.aiter_text()]).replace("\r\n", "\n")

            reader = asyncio.create_task(read_stream())
            await asyncio.sleep(1.0)
            top_up = await http.post(
                f"/api/v1/projects/{project['id']}/top-ups", json=money("250.00", kind="payment", value="PP-1")
            )
            assert top_up.status_code == 201
            text = await reader
    assert "event: unread\ndata: 0" in text
    assert "event: notification" in text and "Баланс пополнен на 250.00 RUB" in text
    assert "event: unread\ndata: 1" in text


async def test_low_balance_alerts_once_per_dip_below_the_threshold(client) -> None:
    project = await new_project(client, top_up="1000.00")
    pid, recipient = project["id"], f"project:{project['id']}"
    url = f"/api/v1/projects/{pid}/low-balance-threshold"
    bad = await client.put(url, json={"amount": "100.00", "currency": "KZT"})
    assert bad.status_code == 422 and "RUB" in bad.text
    assert (await client.put(url, json={"amount": "500.00", "currency": "RUB"})).json()["amount"] == "500.00"

    for number, amount in enumerate(["300.00", "100.00"]):  # 700 left, then 600: still above
        assert (
            await client.post(f"/api/v1/projects/{pid}/holds", json=money(amount, value=f"o-{number}"))
        ).status_code == 201
    dip = await client.post(f"/api/v1/projects/{pid}/holds", json=money("200.00", value="o-2"))  # 400: below
    assert dip.status_code == 201
    deeper = await client.post(f"/api/v1/projects/{pid}/holds", json=money("50.00", value="o-3"))  # 350: no repeat
    assert deeper.status_code == 201

    async def alerted() -> bool:
        items = (await client.get("/api/v1/notifications", params={"recipient": recipient})).json()["items"]
        return any(i["kind"] == "low_balance" for i in items)

    await eventually(alerted, within=10, what="the low-balance alert")
    await client.post(f"/api/v1/projects/{pid}/top-ups", json=money("10.00", kind="payment", value="late"))
    await eventually(lambda: _kinds(client, recipient, "balance_topped_up", 2), within=10, what="the bus to catch up")
    items = (await client.get("/api/v1/notifications", params={"recipient": recipient})).json()["items"]
    [low] = [i for i in items if i["kind"] == "low_balance"]
    assert low["title"] == "Низкий баланс: доступно 400.00 RUB"


async def _kinds(client, recipient: str, kind: str, count: int) -> bool:
    items = (await client.get("/api/v1/notifications", params={"recipient": recipient})).json()["items"]
    return sum(1 for i in items if i["kind"] == kind) >= count
