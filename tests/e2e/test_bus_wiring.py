"""Capabilities meet on the in-process bus of a running server, over real HTTP:
a new project becomes a Bitrix24 lead, and a statement 1C puts on the bus credits the project."""

from __future__ import annotations

import base64
import time

import httpx

from gifthub.application.bus.message import InboundMessage
from gifthub.config import Settings
from gifthub.entrypoints.bus.onec_handler import import_onec_statement
from gifthub.entrypoints.http.app import create_app
from tests.conftest import ADMIN_TOKEN, AUTH, _migrate_sqlite, _sqlite_url
from tests.http.helpers import new_project
from tests.support.billing import document, statement
from tests.support.live_server import LiveServer, free_port


def _eventually(check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, "the bus did not deliver in time"
        time.sleep(0.2)


def test_a_new_project_becomes_a_crm_lead(tmp_path):
    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    port = free_port()
    settings = Settings(data_dir=tmp_path, database_url=url, admin_token=ADMIN_TOKEN, port=port)
    with LiveServer(create_app(settings), port=port) as server, httpx.Client(base_url=server.url, headers=AUTH) as http:
        cabinet = http.post("/api/v1/cabinets", json={"name": "Leads & Co"}).json()
        project = http.post(f"/api/v1/cabinets/{cabinet['id']}/projects", json={"name": "Gifts", "region": "RU"}).json()

        def lead():
            leads = http.get("/emulators/bitrix24/_emulator/leads").json()
            return [x for x in leads if project["id"] in str(x.get("ORIGIN_ID", ""))]

        found = _eventually(lead)
        assert len(found) == 1
        assert project["b2b_code"] in str(found[0])


async def test_a_statement_from_1c_on_the_bus_credits_the_project(client, container):
    from tests.http.test_billing_api import _invoice, _seller

    await _seller(client)
    project = await new_project(client)
    invoice = await _invoice(client, project["id"], "2500.00")
    data = statement(document("77", "2500.00", f"Оплата по счету {invoice['number']}"))
    message = InboundMessage(
        message_id="m-1",
        subject="gifthub.onec.statement",
        body={"filename": "kl_to_1c.txt", "content_base64": base64.b64encode(data).decode()},
    )
    for _ in range(2):  # a redelivery credits nothing more
        async with container() as request:
            await import_onec_statement(message, request)
    balance = (await client.get(f"/api/v1/projects/{project['id']}/balance")).json()
    assert balance["balance"] == "2500.00"
    assert (await client.get(f"/api/v1/invoices/{invoice['id']}")).json()["status"] == "paid"


async def test_an_order_awaiting_payment_gets_a_registry_invoice(client, container):
    from uuid import uuid4

    from gifthub.entrypoints.bus.order_payment_handlers import issue_registry_invoice
    from tests.http.test_billing_api import _seller

    await _seller(client)
    project = await new_project(client)
    order_id = uuid4()
    body = {
        "event": "order.awaiting_payment",
        "order_id": str(order_id),
        "project_id": project["id"],
        "cabinet_id": project["cabinet_id"],
        "currency": "RUB",
        "total": "3060.00",
        "shortfall": "3060.00",
        "registry": [
            {"product_id": "p1", "product_name": "Ozon", "nominal": "1000.00", "unit_price": "1020.00", "quantity": 3}
        ],
    }
    message = InboundMessage(message_id="m-2", subject="gifthub.order.awaiting_payment", body=body)
    async with container() as request:
        await issue_registry_invoice(message, request)
    invoices = (await client.get("/api/v1/invoices", params={"project_id": project["id"]})).json()["items"]
    assert len(invoices) == 1
    assert invoices[0]["total"] == "3060.00"

    broken = InboundMessage(message_id="m-3", subject="gifthub.order.awaiting_payment", body=body | {"registry": []})
    import pytest

    from gifthub.application.bus.errors import MalformedMessage

    with pytest.raises(MalformedMessage):
        async with container() as request:
            await issue_registry_invoice(broken, request)
