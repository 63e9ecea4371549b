"""Binds features/orders.feature and features/xlsx_orders.feature (sync steps over the HTTP app)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from litestar.testing import TestClient
from pytest_bdd import given, parsers, scenarios, then, when

from gifthub.config import Settings
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.entrypoints.jobs.order_worker import work_once
from gifthub.ioc import make_container
from tests.conftest import ADMIN_TOKEN, AUTH, _migrate_sqlite, _sqlite_url, clock_provider
from tests.orders.conftest import FakePorts, Runner
from tests.orders.fakes import FakeGiftery, FakePricing, sample_catalog
from tests.orders.test_order_worker import drain
from tests.orders.xlsx_files import xlsx
from tests.support.clock import MutableClock

scenarios("../../features/orders.feature", "../../features/xlsx_orders.feature")

GOOD_ROW = {
    "product_id": "101",
    "nominal": 1000,
    "quantity": 1,
    "recipient_name": "Anna",
    "email": "anna@example.com",
    "phone": "",
    "message": "",
    "channel": "email",
    "send_at": None,
}


class Shop:
    """The app behind a sync client, its fakes, and what a scenario remembers."""

    def __init__(self, tmp_path) -> None:
        url = _sqlite_url(tmp_path)
        _migrate_sqlite(url)
        self.settings = Settings(data_dir=tmp_path, database_url=url, admin_token=ADMIN_TOKEN)
        self.clock = MutableClock()
        self.giftery = FakeGiftery()
        self.ports = FakePorts(sample_catalog(), FakePricing("2.5"), self.giftery)
        container = make_container(self.settings, *http_providers(), clock_provider(self.clock), self.ports)
        self.client = TestClient(app=create_app(self.settings, container))
        self.client.headers.update(AUTH)
        self.memory: dict = {}

    def orders(self, suffix: str = "") -> str:
        return f"/api/v1/projects/{self.memory['project']}/orders{suffix}"

    def run_worker(self, *, deliveries: bool = False) -> None:
        async def run() -> None:
            container = make_container(self.settings, clock_provider(self.clock), self.ports)
            try:
                if deliveries:  # one pass of the worker as it runs: buy, deliver what is due, complete
                    await work_once(container)
                else:
                    await drain(Runner(container), self.clock)
            finally:
                await container.close()

        asyncio.run(run())


@pytest.fixture
def shop(tmp_path):
    shop = Shop(tmp_path)
    with shop.client:
        yield shop


# projects and money --------------------------------------------------------------------------------
@given(parsers.parse("a project in RUB with {amount} RUB on its balance"))
def project(shop, amount):
    cabinet = shop.client.post("/api/v1/cabinets", json={"name": "Acme"}).json()
    created = shop.client.post(f"/api/v1/cabinets/{cabinet['id']}/projects", json={"name": "Gifts", "region": "RU"})
    shop.memory["project"] = created.json()["id"]
    top_up(shop, amount, "seed")


def top_up(shop, amount: str, reference: str) -> None:
    answer = shop.client.post(
        f"/api/v1/projects/{shop.memory['project']}/top-ups",
        json={"amount": amount, "currency": "RUB", "reference": {"kind": "payment", "value": reference}},
    )
    assert answer.status_code == 201, answer.text


def balance(shop) -> dict:
    return shop.client.get(f"/api/v1/projects/{shop.memory['project']}/balance").json()


@when(parsers.parse("a payment of {amount} RUB arrives and waiting orders resume"))
def payment_arrives(shop, amount):
    top_up(shop, amount, "invoice-1")
    assert shop.client.post(shop.orders("/resume")).status_code == 200


@then(parsers.parse("{amount} RUB is held on the project"))
def held(shop, amount):
    assert balance(shop)["held"] == amount


@then(parsers.parse("the project's balance is {amount} RUB with nothing held"))
def settled(shop, amount):
    assert (balance(shop)["balance"], balance(shop)["held"]) == (amount, "0.00")


# lifecycle -------------------------------------------------------------------------------------------
@given(parsers.parse('a draft order of {count:d} certificates of product "{product}" at {nominal} RUB'))
def draft(shop, count, product, nominal, moment=None):
    recipients = [{"name": f"P{i}", "email": f"p{i}@example.com"} for i in range(count)]
    body = {"lines": [{"product_id": product, "nominal": nominal, "recipients": recipients}]}
    if moment is not None:
        body["scheduled_at"] = moment.isoformat()
    answer = shop.client.post(shop.orders(), json=body)
    assert answer.status_code == 201, answer.text
    shop.memory["order"] = answer.json()["id"]


@given(
    parsers.parse('a draft order of {count:d} certificates of product "{product}" at {nominal} RUB to be sent tomorrow')
)
def draft_for_tomorrow(shop, count, product, nominal):
    shop.memory["moment"] = shop.clock.now() + timedelta(days=1)
    draft(shop, count, product, nominal, shop.memory["moment"])


@when("the order is submitted")
def submit(shop):
    answer = shop.client.post(shop.orders(f"/{shop.memory['order']}/submit"))
    assert answer.status_code == 200, answer.text


@when("the order is cancelled")
def cancel(shop):
    answer = shop.client.post(shop.orders(f"/{shop.memory['order']}/cancel"))
    assert answer.status_code == 200, answer.text


@then("deleting the order is refused")
def delete_refused(shop):
    answer = shop.client.delete(shop.orders(f"/{shop.memory['order']}"))
    assert answer.status_code == 409
    assert answer.json()["type"] == "/problems/illegal-order-transition"


@then(parsers.parse('the order is "{status}"'))
def order_status(shop, status):
    assert shop.client.get(shop.orders(f"/{shop.memory['order']}")).json()["status"] == status


def certificates(shop) -> list[dict]:
    return shop.client.get(shop.orders(f"/{shop.memory['order']}/certificates")).json()["items"]


@then(parsers.parse('every certificate of the order is "{state}" with delivery "{delivery}"'))
def every_certificate(shop, state, delivery):
    assert {(c["state"], c["delivery_status"]) for c in certificates(shop)} == {(state, delivery)}


@when("the moment comes and the worker delivers")
def moment_comes(shop):
    shop.clock.moment = shop.memory["moment"]
    shop.run_worker(deliveries=True)


def resend(shop, email: str):
    [certificate] = certificates(shop)
    path = shop.orders(f"/{shop.memory['order']}/certificates/{certificate['id']}/resend")
    shop.memory["answer"] = shop.client.post(path, json={"email": email})


@when("the certificate is resent to its own address before its moment")
def resend_early(shop):
    [certificate] = certificates(shop)
    resend(shop, certificate["email"])


@then("the resend is refused, naming the moment it is sent at")
def resend_refused(shop):
    answer = shop.memory["answer"]
    assert answer.status_code == 409, answer.text
    assert answer.json()["type"] == "/problems/delivery-scheduled"
    moment = shop.memory["moment"].astimezone(ZoneInfo("Europe/Moscow")).isoformat()
    assert f"scheduled for {moment}" in answer.json()["detail"]


@when(parsers.parse('the certificate is resent to "{email}"'))
def resend_to(shop, email):
    resend(shop, email)
    assert shop.memory["answer"].status_code == 200, shop.memory["answer"].text


@then(parsers.parse('the certificate is still for "{recipient}" and was resent to "{email}"'))
def resent_beside(shop, recipient, email):
    [certificate] = certificates(shop)
    assert (certificate["email"], certificate["resent_to"]) == (recipient, email)


@then(parsers.parse('the audit log shows the resend from "{before}" to "{after}"'))
def resend_audited(shop, before, after):
    [certificate] = certificates(shop)
    answer = shop.client.get("/api/v1/audit", params={"action": "certificate.resent_to_new_address"})
    [record] = answer.json()["items"]
    assert record["target"] == f"certificate:{certificate['id']}"
    assert record["actor"].startswith("platform_staff:")
    assert (record["before"]["sent_to"], record["after"]["sent_to"]) == (before, after)
    assert record["after"]["recipient"] == before


@when(parsers.parse('a quick order of product "{product}" at {nominal} RUB is placed for "{emails}"'))
def quick_order(shop, product, nominal, emails):
    body = {"product_id": product, "nominal": nominal, "emails": [e.strip() for e in emails.split(",")]}
    shop.memory["quick"] = body
    shop.memory["answer"] = shop.client.post(shop.orders("/quick"), json=body)


@when("the same quick order is placed confirming the duplicates")
def quick_order_confirmed(shop):
    body = shop.memory["quick"] | {"allow_duplicates": True}
    shop.memory["answer"] = shop.client.post(shop.orders("/quick"), json=body)


@then(parsers.parse('it is refused as a duplicate naming "{field}"'))
def refused_duplicate(shop, field):
    answer = shop.memory["answer"]
    assert answer.status_code == 422, answer.text
    assert answer.json()["type"] == "/problems/duplicate-certificate"
    assert [e["field"] for e in answer.json()["errors"]] == [field]


@then(parsers.parse('the quick order is "{status}" with {count:d} certificates'))
def quick_order_placed(shop, status, count):
    answer = shop.memory["answer"]
    assert answer.status_code == 201, answer.text
    assert (answer.json()["status"], answer.json()["certificate_count"]) == (status, count)


@given(parsers.parse('Giftery refuses product "{product}"'))
def giftery_refuses(shop, product):
    shop.giftery.refuse_products.add(product)


@when(parsers.parse('Giftery accepts product "{product}" again'))
def giftery_accepts(shop, product):
    shop.giftery.refuse_products.discard(product)


@when("the worker executes the queued certificates")
def worker(shop):
    shop.run_worker()


@then(parsers.parse('the certificate\'s reason reads "{reason}"'))
def reason(shop, reason):
    assert [c["failure_reason"] for c in certificates(shop)] == [reason]


@when("the failed certificate is retried")
def retry(shop):
    [failed] = certificates(shop)
    answer = shop.client.post(shop.orders(f"/{shop.memory['order']}/certificates/{failed['id']}/retry"))
    assert answer.status_code == 200, answer.text


# XLSX ----------------------------------------------------------------------------------------------
def row(**changes) -> list:
    return list((GOOD_ROW | changes).values())


@given(parsers.parse('an order list whose row 2 has {column} set to "{value}"'))
def list_with_bad_cell(shop, column, value):
    changes = {column: value}
    if column == "phone":
        changes["channel"] = "sms"
    shop.memory["file"] = xlsx([row(**changes)])


@given(parsers.parse('an order list with a row for "{first}" and a row for "{second}"'))
def list_for_two(shop, first, second):
    shop.memory["file"] = xlsx([row(email=first), row(email=second)])


def add_to_draft(shop, allow: bool) -> None:
    files = {"file": ("more.xlsx", shop.memory["file"], "application/octet-stream")}
    data = {"allow_duplicates": "true"} if allow else {}
    shop.memory["answer"] = shop.client.post(shop.orders(f"/{shop.memory['order']}/xlsx"), files=files, data=data)
    assert shop.memory["answer"].status_code == 200, shop.memory["answer"].text


@when("the list is added to the draft")
def list_added(shop):
    add_to_draft(shop, allow=False)


@when(parsers.parse('a list with only a row for "{email}" is added to the draft, confirming duplicates'))
def list_added_confirmed(shop, email):
    shop.memory["file"] = xlsx([row(email=email)])
    add_to_draft(shop, allow=True)


@then(parsers.parse("the draft holds {count:d} certificates"))
def draft_holds(shop, count):
    assert shop.client.get(shop.orders(f"/{shop.memory['order']}")).json()["certificate_count"] == count


@given("an order list with the same row twice")
def list_with_duplicate(shop):
    shop.memory["file"] = xlsx([row(), row()])


@given(parsers.parse("an order list with {count:d} valid rows and 1 row of an unknown product"))
def list_mixed(shop, count):
    rows = [row(email=f"r{i}@example.com") for i in range(count)] + [row(product_id="999")]
    shop.memory["file"] = xlsx(rows)


@given("a file that is plain text")
def plain_text(shop):
    shop.memory["file"] = b"product_id;nominal\n101;1000\n"


def upload(shop, accept: bool):
    files = {"file": ("list.xlsx", shop.memory["file"], "application/octet-stream")}
    shop.memory["answer"] = shop.client.post(shop.orders("/xlsx"), files=files, data={"accept": str(accept).lower()})


@when("the list is checked")
def check(shop):
    upload(shop, accept=False)
    assert shop.memory["answer"].status_code == 200, shop.memory["answer"].text


@when("the list is accepted")
@when("the same list is accepted again")
def accept(shop):
    upload(shop, accept=True)


@then(parsers.parse('row {number:d}, column "{letter}" is reported with "{message}"'))
def reported(shop, number, letter, message):
    problems = shop.memory["answer"].json()["problems"]
    assert any(p["row"] == number and p["column"] == letter and message in p["message"] for p in problems), problems


@then(parsers.parse("a draft order of {count:d} certificates is created"))
def draft_created(shop, count):
    answer = shop.memory["answer"]
    assert answer.status_code == 201, answer.text
    assert answer.json()["order"]["certificate_count"] == count


@then(parsers.parse("row {number:d} is listed as failed"))
def failed_row(shop, number):
    assert shop.memory["answer"].json()["failed_rows"] == [number]


@then(parsers.parse("the project has {count:d} order"))
def order_count(shop, count):
    assert len(shop.client.get(shop.orders()).json()["items"]) == count


@then(parsers.parse('the upload is refused with "{message}"'))
def refused(shop, message):
    answer = shop.memory["answer"]
    assert answer.status_code == 422
    assert answer.json()["detail"] == message
