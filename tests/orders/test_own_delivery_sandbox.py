"""GiftHub's own delivery end to end: the orders API, a worker (as ``gifthub worker`` runs it) buying from the
Giftery sandbox over loopback HTTP, the in-process bus, and a real SMTP server (aiosmtpd) that refuses
``refused@`` addresses. A scheduled certificate is not emailed before its moment and exactly once after it;
a refused recipient shows ``failed`` with the server's reason in the order's certificate listing."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import text

from gifthub.adapters.persistence.engine import create_engine
from gifthub.config_giftery import GifterySettings
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.entrypoints.jobs.order_worker import work_once
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider
from tests.http.helpers import new_project
from tests.integration.bus.conftest import MessagingOverride, eventually
from tests.integration.email.test_smtp_mailer import smtp_settings
from tests.support.giftery import CLIENT_ID, SECRET, sandbox, sandbox_server  # noqa: F401
from tests.support.smtp import SmtpServer


@pytest.fixture
def database_url(tmp_path) -> str:
    """SQLite, as ``make run``; the several-workers case on PostgreSQL is test_delivery_concurrency."""
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
async def stack(settings, clock, sandbox_server, sandbox, smtp):  # noqa: F811
    giftery = GifterySettings(url=sandbox_server.url + "/", client_id=CLIENT_ID, secret=SECRET, rate=0)
    settings = replace(settings, giftery=giftery)
    mail = MessagingOverride(replace(smtp_settings(smtp.port), bus="memory"))
    worker = make_container(settings, clock_provider(clock), mail)  # another process, as `gifthub worker`
    app = create_app(settings, make_container(settings, *http_providers(), clock_provider(clock), mail))
    async with AsyncTestClient(app=app) as client:
        client.headers.update(AUTH)
        assert (await client.post("/api/v1/catalog/sync")).status_code == 200
        yield client, worker, settings
    await worker.close()


async def work(worker, clock, *, tick: float = 2.0) -> None:
    """The worker's passes, the clock moving ``tick`` seconds whenever it idles (status checks come due),
    until it idles twice in a row."""
    idle = 0
    for _ in range(30):
        if await work_once(worker):
            idle = 0
            continue
        idle += 1
        if idle == 2:
            return
        clock.advance(seconds=tick)
    raise AssertionError("the worker never ran out of work")


async def outbox_drained(settings) -> None:
    """Wait until the relay published every outbox row, so whatever was requested had its chance to go."""
    engine = create_engine(settings.database_url)

    async def drained() -> bool:
        async with engine.connect() as connection:
            return not (await connection.execute(text("select 1 from outbox where published_at is null"))).first()

    try:
        await eventually(drained, within=10, what="the relay to publish the outbox")
    finally:
        await engine.dispose()


async def gifthub_order(client, emails: list[str], moment=None) -> tuple[str, dict]:
    project = await new_project(client, top_up="100000.00")
    products = (await client.get("/api/v1/catalog/products", params={"project_id": project["id"]})).json()["items"]
    product = next(p for p in products if p["nominals"]["fixed"])
    base = f"/api/v1/projects/{project['id']}/orders"
    draft = {
        "delivered_by": "gifthub",
        "sender_name": "HR",
        "lines": [
            {
                "product_id": product["id"],
                "nominal": product["nominals"]["fixed"][0]["face"],
                "recipients": [{"name": "Гость", "email": email} for email in emails],
            }
        ],
        **({"scheduled_at": moment.isoformat()} if moment else {}),
    }
    created = await client.post(base, json=draft)
    assert created.status_code == 201, created.text
    order = created.json()
    assert order["delivered_by"] == "gifthub"
    assert (await client.post(f"{base}/{order['id']}/submit")).json()["status"] == "queued"
    return f"{base}/{order['id']}", order


async def listed(client, order_url: str) -> list[dict]:
    return (await client.get(f"{order_url}/certificates", params={"limit": 50})).json()["items"]


async def test_a_scheduled_certificate_is_emailed_exactly_once_at_its_moment(stack, clock, sandbox, smtp):  # noqa: F811
    client, worker, settings = stack
    moment = clock.now() + timedelta(days=1)
    order_url, _ = await gifthub_order(client, ["anna@client.ru"], moment)
    await work(worker, clock)
    [certificate] = await listed(client, order_url)
    assert (certificate["state"], certificate["delivery_status"], certificate["delivered_by"]) == (
        "issued",
        "waiting",
        "gifthub",
    )
    [taken] = sandbox.state.orders.values()  # Giftery issued the code and was not asked to send anything
    assert taken.arguments["delivery_type"] == "code"
    assert "date_send" not in taken.arguments and not taken.arguments.get("email_to")

    clock.moment = moment - timedelta(seconds=1)
    await work(worker, clock, tick=0)
    await outbox_drained(settings)
    assert smtp.received == []  # not before its moment

    clock.moment = moment
    await work(worker, clock, tick=0)

    async def arrived() -> bool:
        return len(smtp.received) >= 1

    await eventually(arrived, within=10, what="the certificate email")
    clock.advance(hours=1)
    await work(worker, clock)  # later passes send nothing more
    await outbox_drained(settings)
    await asyncio.sleep(0.2)
    [message] = smtp.received
    assert message["To"] == "anna@client.ru"
    assert certificate["code"] in message.get_body(("plain",)).get_content()
    [certificate] = await listed(client, order_url)
    assert (certificate["delivery_status"], certificate["delivery_error"]) == ("sent", "")


async def test_a_refused_recipient_shows_failed_with_the_reason(stack, clock, smtp):
    client, worker, _ = stack
    order_url, _ = await gifthub_order(client, ["refused@client.ru", "olga@client.ru"])
    await work(worker, clock)  # no moment: emailed as soon as issued

    async def settled() -> bool:
        return {c["delivery_status"] for c in await listed(client, order_url)} == {"failed", "sent"}

    await eventually(settled, within=15, what="the refusal to reach the certificate")
    refused, olga = await listed(client, order_url)
    assert (refused["email"], refused["state"], refused["delivery_status"]) == (
        "refused@client.ru",
        "issued",
        "failed",
    )
    assert "550" in refused["delivery_error"] and "No such user" in refused["delivery_error"]
    assert (olga["delivery_status"], olga["delivery_error"]) == ("sent", "")
    assert [m["To"] for m in smtp.received] == ["olga@client.ru"]
