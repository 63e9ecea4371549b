"""A certificate for a later moment over HTTP: bought now, "issued" and waiting, its order "scheduled" until
the moment; a resend never sends it early, and a new address is kept beside the recipient's and audited."""

from __future__ import annotations

from datetime import timedelta

from gifthub.entrypoints.jobs.order_worker import work_once
from tests.http.helpers import new_project
from tests.orders.test_delivery_use_cases import delivery_emails
from tests.orders.test_order_worker import drain


async def _scheduled_order(client, delivered_by: str, moment) -> tuple[str, dict]:
    project = await new_project(client, top_up="10000.00")
    base = f"/api/v1/projects/{project['id']}/orders"
    body = {
        "timezone": "Asia/Almaty",
        "scheduled_at": moment.isoformat(),
        "delivered_by": delivered_by,
        "lines": [{"product_id": "101", "nominal": "1000.00", "recipients": [{"name": "Anna", "email": "anna@x.ru"}]}],
    }
    created = await client.post(base, json=body)
    assert created.status_code == 201, created.text
    order_url = f"{base}/{created.json()['id']}"
    assert (await client.post(f"{order_url}/submit")).status_code == 200
    return order_url, project


async def _certificate(client, order_url: str) -> dict:
    [certificate] = (await client.get(f"{order_url}/certificates")).json()["items"]
    return certificate


async def test_a_certificate_for_tomorrow_is_issued_and_waits_and_its_order_is_scheduled_until_sent(
    client, app, clock, giftery
):
    giftery.polls_before_done = 0
    moment = clock.now() + timedelta(days=1)
    order_url, project = await _scheduled_order(client, "giftery", moment)
    await drain(app, clock)

    certificate = await _certificate(client, order_url)
    assert (certificate["state"], certificate["delivery_status"]) == ("issued", "waiting")
    assert (await client.get(order_url)).json()["status"] == "scheduled"  # bought, not yet sent
    balance = (await client.get(f"/api/v1/projects/{project['id']}/balance")).json()
    assert (balance["balance"], balance["held"]) == ("8975.00", "0.00")  # paid for, the hold settled
    listed = await client.get(order_url.rsplit("/", 1)[0], params={"status": "scheduled"})
    assert [o["status"] for o in listed.json()["items"]] == ["scheduled"]

    clock.moment = moment
    await work_once(app.container)
    certificate = await _certificate(client, order_url)
    assert (certificate["state"], certificate["delivery_status"]) == ("issued", "sent")
    assert (await client.get(order_url)).json()["status"] == "completed"


async def test_a_resend_before_the_moment_is_refused_with_the_moment_when_giftery_sends_it(
    client, app, clock, giftery, settings
):
    giftery.polls_before_done = 0
    moment = clock.now() + timedelta(days=1)
    order_url, _ = await _scheduled_order(client, "giftery", moment)
    await drain(app, clock)
    certificate = await _certificate(client, order_url)

    for email in ("", "other@x.ru"):
        refused = await client.post(f"{order_url}/certificates/{certificate['id']}/resend", json={"email": email})
        assert refused.status_code == 409, refused.text
        assert refused.json()["type"] == "/problems/delivery-scheduled"
        assert "scheduled for 2026-11-02T14:00:00+05:00" in refused.json()["detail"]  # in the order's zone
    assert await delivery_emails(settings) == []  # nothing went early
    after = await _certificate(client, order_url)
    assert (after["email"], after["resent_to"], after["delivery_status"]) == ("anna@x.ru", "", "waiting")


async def test_gifthubs_own_delivery_keeps_the_moment_and_takes_the_new_address_beside_the_recipients(
    client, app, clock, giftery, settings
):
    giftery.polls_before_done = 0
    moment = clock.now() + timedelta(days=1)
    order_url, project = await _scheduled_order(client, "gifthub", moment)
    await drain(app, clock)
    certificate = await _certificate(client, order_url)

    resent = await client.post(f"{order_url}/certificates/{certificate['id']}/resend", json={"email": "anna.k@x.ru"})
    assert resent.status_code == 200, resent.text
    body = resent.json()
    assert (body["email"], body["resent_to"], body["delivery_status"]) == ("anna@x.ru", "anna.k@x.ru", "waiting")
    assert await delivery_emails(settings) == []  # not sent a day early
    await work_once(app.container)
    assert await delivery_emails(settings) == []

    audit = (await client.get("/api/v1/audit", params={"action": "certificate.resent_to_new_address"})).json()
    [record] = audit["items"]
    assert record["cabinet_id"] == project["cabinet_id"]
    assert record["target"] == f"certificate:{certificate['id']}"
    assert record["actor"].startswith("platform_staff:")
    assert record["before"] == {"recipient": "anna@x.ru", "sent_to": "anna@x.ru"}
    assert record["after"]["sent_to"] == "anna.k@x.ru" and record["after"]["sent"] == "at its scheduled moment"

    clock.moment = moment
    await work_once(app.container)
    [email] = await delivery_emails(settings)
    assert email["to"] == "anna.k@x.ru"
    after = await _certificate(client, order_url)
    assert (after["email"], after["resent_to"], after["delivery_status"]) == ("anna@x.ru", "anna.k@x.ru", "sent")
    assert (await client.get(order_url)).json()["status"] == "completed"
