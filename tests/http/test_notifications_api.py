"""Project facts reach the cabinet's signed-in people by role through the in-process bus; preferences
switch channels; a foreign cabinet's user gets nothing; the stream pushes an order's status live."""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import replace

import httpx
import pytest
from litestar.testing import AsyncTestClient

from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider
from tests.http.helpers import money, new_project
from tests.integration.bus.conftest import MessagingOverride, eventually
from tests.support.identity import add_member, create_user, hasher_provider, sign_in
from tests.support.live_server import LiveServer, free_port

ROLES = ("owner", "manager", "operator", "accountant", "accountant_no_grant")


@pytest.fixture
def database_url(tmp_path) -> str:
    """SQLite, the ``make run`` setup the in-process bus belongs to."""
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


@pytest.fixture
def mailbox(tmp_path) -> MessagingSettings:
    return replace(MessagingSettings(), bus="memory", mail_transport="mailbox", mailbox_dir=tmp_path / "mailbox")


async def _people(web, project: dict) -> dict[str, dict]:
    """One signed-in user per role in the project's cabinet, and the owner of another cabinet."""
    people = {}
    for role in ROLES:
        email = f"{role}@example.com"
        await create_user(web, email)
        granted = [project["id"]] if role in ("operator", "accountant") else []
        await add_member(web, project["cabinet_id"], email, role.removesuffix("_no_grant"), granted)
        people[role] = await sign_in(web, email)
    foreign = (await web.post("/api/v1/cabinets", json={"name": "Other"}, headers=AUTH)).json()
    await create_user(web, "foreign@example.com")
    await add_member(web, foreign["id"], "foreign@example.com", "owner")
    people["foreign"] = await sign_in(web, "foreign@example.com")
    return people


async def _kinds(web, headers: dict) -> list[str]:
    answer = await web.get("/api/v1/notifications", headers=headers)
    assert answer.status_code == 200, answer.text
    return [item["kind"] for item in answer.json()["items"]]


async def test_project_facts_reach_each_role_as_their_preferences_say(settings, clock, mailbox) -> None:
    container = make_container(settings, *http_providers(), clock_provider(clock), hasher_provider())
    container_override = MessagingOverride(mailbox)
    container = make_container(
        settings, *http_providers(), clock_provider(clock), hasher_provider(), container_override
    )

    from tests.support.identity import BASE_URL

    async with AsyncTestClient(app=create_app(settings, container), base_url=BASE_URL) as web:
        web.headers.update(AUTH)
        project = await new_project(web, top_up="1000.00")
        web.headers.pop("Authorization")
        people = await _people(web, project)
        pid = project["id"]

        # Defaults, then two people switch channels off; a kind that does not exist is refused by name.
        defaults = (await web.get("/api/v1/notifications/preferences", headers=people["manager"])).json()["items"]
        assert {"kind": "low_balance", "in_app": True, "email": True} in defaults
        assert {"kind": "balance_topped_up", "in_app": True, "email": False} in defaults
        bad = {
            "items": [
                {"kind": "low_balance", "in_app": True, "email": True},
                {"kind": "sms", "in_app": True, "email": True},
            ]
        }
        refused = await web.put("/api/v1/notifications/preferences", json=bad, headers=people["manager"])
        assert refused.status_code == 422 and "items[1].kind" in refused.text and "sms" in refused.text
        off = {"items": [{"kind": "low_balance", "in_app": True, "email": False}]}
        changed = await web.put("/api/v1/notifications/preferences", json=off, headers=people["manager"])
        assert (
            changed.status_code == 200
            and {"kind": "low_balance", "in_app": True, "email": False} in changed.json()["items"]
        )
        mute = {"items": [{"kind": "balance_topped_up", "in_app": False, "email": False}]}
        assert (
            await web.put("/api/v1/notifications/preferences", json=mute, headers=people["accountant"])
        ).status_code == 200

        # The owner sets a threshold; a top-up and then a hold below it.
        threshold = {"amount": "500.00", "currency": "RUB"}
        answer = await web.put(f"/api/v1/projects/{pid}/low-balance-threshold", json=threshold, headers=people["owner"])
        assert answer.status_code == 200, answer.text
        top_up = money("250.00", kind="payment", value="PP-7")
        assert (await web.post(f"/api/v1/projects/{pid}/top-ups", json=top_up, headers=AUTH)).status_code == 201
        assert (await web.post(f"/api/v1/projects/{pid}/holds", json=money("900.00"), headers=AUTH)).status_code == 201

        async def owner_alerted() -> bool:
            return "low_balance" in await _kinds(web, people["owner"])

        await eventually(owner_alerted, within=15, what="the low-balance alert")
        kinds = {who: sorted(await _kinds(web, headers)) for who, headers in people.items()}
        assert kinds == {
            "owner": ["balance_topped_up", "balance_topped_up", "low_balance"],
            "manager": ["balance_topped_up", "balance_topped_up", "low_balance"],
            "operator": [],  # money news is not an operator's
            "accountant": ["low_balance"],  # switched top-ups off
            "accountant_no_grant": [],  # not granted this project
            "foreign": [],
        }

        async def mailed() -> list[str]:
            return sorted(p.read_text(errors="replace") for p in mailbox.mailbox_dir.glob("*.eml"))

        await eventually(lambda: _count(mailed, 2), within=15, what="the low-balance emails")
        letters = await mailed()
        recipients = sorted(
            r for r in ("owner", "manager", "accountant") if any(f"To: {r}@example.com" in t for t in letters)
        )
        assert recipients == ["accountant", "owner"]  # the manager switched low-balance email off

        # Read one's own; someone else's is not there.
        listing = (await web.get("/api/v1/notifications", headers=people["owner"])).json()
        first = listing["items"][0]["id"]
        assert listing["unread"] == 3
        assert (await web.post(f"/api/v1/notifications/{first}/read", headers=people["foreign"])).status_code == 404
        read = await web.post(f"/api/v1/notifications/{first}/read", headers=people["owner"])
        assert read.status_code == 200 and read.json()["read"] is True
        assert (await web.get("/api/v1/notifications", headers=people["owner"])).json()["unread"] == 2


async def _count(source, at_least: int) -> bool:
    return len(await source()) >= at_least


async def _at_least(source, value: int) -> bool:
    return await source() >= value


async def test_an_order_status_change_reaches_the_owners_stream_over_real_http(settings, clock) -> None:
    """Real HTTP over loopback: the owner's stream is open while the operator creates an order."""
    from tests.orders.conftest import FakePorts
    from tests.orders.fakes import FakeGiftery, FakePricing, sample_catalog
    from tests.orders.test_orders_api import DRAFT

    port = free_port()
    settings = dataclasses.replace(settings, port=port)
    fakes = FakePorts(sample_catalog(), FakePricing("2.5"), FakeGiftery())
    container = make_container(settings, *http_providers(), clock_provider(clock), hasher_provider(), fakes)
    with LiveServer(create_app(settings, container), port=port) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=20) as http:
            http.headers.update(AUTH)
            project = await new_project(http)
            for email, role, granted in (
                ("boss@example.com", "owner", []),
                ("op@example.com", "operator", [project["id"]]),
            ):
                await create_user(http, email)
                await add_member(http, project["cabinet_id"], email, role, granted)
            # The seed top-up after the people exist: its notification reaches the owner (over the bus).
            seed = money("20000.00", kind="payment", value="seed")
            assert (await http.post(f"/api/v1/projects/{project['id']}/top-ups", json=seed)).status_code == 201
            http.headers.pop("Authorization")
            owner, operator = await sign_in(http, "boss@example.com"), await sign_in(http, "op@example.com")

            async def owner_unread() -> int:
                return (await http.get("/api/v1/notifications", headers=owner)).json()["unread"]

            await eventually(lambda: _at_least(owner_unread, 1), within=15, what="the seed top-up notification")

            async def read_stream() -> str:
                params = {"for_seconds": 4}
                async with http.stream("GET", "/api/v1/notifications/stream", params=params, headers=owner) as response:
                    assert response.headers["content-type"].startswith("text/event-stream")
                    return "".join([chunk async for chunk in response.aiter_text()]).replace("\r\n", "\n")

            reader = asyncio.create_task(read_stream())
            await asyncio.sleep(1.0)
            created = await http.post(f"/api/v1/projects/{project['id']}/orders", json=DRAFT, headers=operator)
            assert created.status_code == 201, created.text
            text = await reader
    order_id = created.json()["id"]
    assert "event: unread\ndata: 1" in text  # the seed top-up, before the stream opened
    assert "event: notification" in text and f"Заказ {order_id[:8]} создан" in text
    assert '"kind":"order_status"' in text and "event: unread\ndata: 2" in text
