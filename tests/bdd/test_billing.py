"""features/billing.feature bound to the HTTP API (SQLite and PostgreSQL, like the other API tests)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from tests.http.helpers import new_project
from tests.support.billing import document, ru_seller_data, statement

scenarios(str(Path(__file__).parents[2] / "features" / "billing.feature"))


@pytest.fixture(autouse=True)
def world(api) -> dict:
    # Autouse and depending on ``api``: the scenarios then run on each database engine of ``database_url``.
    return {"documents": 0}


@pytest.fixture
def run():
    # pytest-bdd steps are synchronous; the API client is async: each step runs its coroutine here.
    loop = asyncio.new_event_loop()
    yield loop.run_until_complete
    loop.close()


@pytest.fixture
def api(run, settings, clock):
    from litestar.testing import AsyncTestClient

    from gifthub.entrypoints.http.app import create_app, http_providers
    from gifthub.ioc import make_container
    from tests.conftest import AUTH, clock_provider

    container = make_container(settings, *http_providers(), clock_provider(clock))
    client = AsyncTestClient(app=create_app(settings, container))
    run(client.__aenter__())
    client.headers.update(AUTH)
    yield client
    run(client.__aexit__(None, None, None))


@given("a Russian seller issues invoices")
def seller(api, run):
    response = run(api.post("/api/v1/platform/sellers", json=ru_seller_data()))
    assert response.status_code == 201, response.text


@given("a client project in region RU")
def project(api, run, world):
    world["project"] = run(new_project(api))


@given(parsers.parse('an invoice for "{amount}" RUB issued to the project'))
def invoice(api, run, world, amount):
    body = {"amount": amount, "currency": "RUB", "buyer": {"name": "ООО «Ромашка»", "inn": "7707083893"}}
    response = run(api.post(f"/api/v1/projects/{world['project']['id']}/invoices", json=body))
    assert response.status_code == 201, response.text
    world["invoice"] = response.json()


def _upload(api, run, world, data: bytes) -> None:
    response = run(api.post("/api/v1/platform/bank-statements", content=data))
    assert response.status_code == 200, response.text
    world["statement"] = data


@when(parsers.parse('a bank statement arrives with a payment of "{amount}" RUB naming the invoice'))
def pay_naming(api, run, world, amount):
    world["documents"] += 1
    purpose = f"Оплата по счету № {world['invoice']['number']}"
    _upload(api, run, world, statement(document(str(world["documents"]), amount, purpose)))


@when(parsers.parse('a bank statement arrives with a payment of "{amount}" RUB saying "{purpose}"'))
def pay_saying(api, run, world, amount, purpose):
    world["documents"] += 1
    _upload(api, run, world, statement(document(str(world["documents"]), amount, purpose)))


@when("the same bank statement arrives again")
def again(api, run, world):
    _upload(api, run, world, world["statement"])


@when("staff match the waiting payment to the invoice")
def match(api, run, world):
    response = run(
        api.post(
            f"/api/v1/platform/payments/{world['waiting']['id']}/match", json={"invoice_id": world["invoice"]["id"]}
        )
    )
    assert response.status_code == 200, response.text


@then(parsers.parse('the invoice is "{status}" with "{outstanding}" outstanding'))
def invoice_state(api, run, world, status, outstanding):
    body = run(api.get(f"/api/v1/invoices/{world['invoice']['id']}")).json()
    assert (body["status"], body["outstanding"]) == (status, outstanding)


@then(parsers.parse('the project balance is "{balance}"'))
def balance(api, run, world, balance):
    body = run(api.get(f"/api/v1/projects/{world['project']['id']}/balance")).json()
    assert body["balance"] == balance


@then(parsers.parse('the payment waits in the matching queue because "{reason}"'))
def waits(api, run, world, reason):
    items = run(api.get("/api/v1/platform/payments", params={"status": "unmatched"})).json()["items"]
    assert [i["reason"] for i in items] == [reason]
    world["waiting"] = items[0]
