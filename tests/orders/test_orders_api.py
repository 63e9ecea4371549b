"""The orders API end to end through Litestar, on SQLite and PostgreSQL."""

from __future__ import annotations

from tests.http.helpers import new_project

DRAFT = {
    "sender_name": "HR",
    "timezone": "Asia/Almaty",
    "lines": [
        {
            "product_id": "101",
            "nominal": "1000.00",
            "additional_nominals": ["3000.00"],
            "recipients": [{"name": "Anna", "email": "anna@example.com"}, {"name": "Bob", "email": "bob@example.com"}],
        },
        {"product_id": "202", "nominal": "1500.00", "quantity": 2},
    ],
}


async def test_create_submit_and_read_an_order(client):
    project = await new_project(client, top_up="20000.00")
    base = f"/api/v1/projects/{project['id']}/orders"
    created = await client.post(base, json=DRAFT)
    assert created.status_code == 201, created.text
    order = created.json()
    assert (order["status"], order["total"], order["face_total"], order["certificate_count"]) == (
        "draft",
        "11275.00",
        "11000.00",
        6,
    )
    assert order["lines"][0]["product"]["name"] == "Gift card 101"
    assert order["lines"][0]["unit_prices"] == ["1025.00", "3075.00"]

    submitted = await client.post(f"{base}/{order['id']}/submit")
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["status"] == "queued"
    balance = (await client.get(f"/api/v1/projects/{project['id']}/balance")).json()
    assert balance["held"] == "11275.00"

    certificates = (await client.get(f"{base}/{order['id']}/certificates", params={"limit": 4})).json()
    assert len(certificates["items"]) == 4 and certificates["next_cursor"]
    assert certificates["items"][0]["state"] == "pending"

    listed = (await client.get(base, params={"status": "queued"})).json()
    assert [o["id"] for o in listed["items"]] == [order["id"]]

    refused = await client.delete(f"{base}/{order['id']}")
    assert refused.status_code == 409
    assert refused.json()["type"] == "/problems/illegal-order-transition"


async def test_idempotency_key_on_create_and_submit(client):
    project = await new_project(client, top_up="20000.00")
    base = f"/api/v1/projects/{project['id']}/orders"
    headers = {"Idempotency-Key": "k-1"}
    first = await client.post(base, json=DRAFT, headers=headers)
    second = await client.post(base, json=DRAFT, headers=headers)
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json() == first.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    other = await client.post(base, json={**DRAFT, "sender_name": "Someone else"}, headers=headers)
    assert other.status_code == 409
    assert other.json()["type"] == "/problems/idempotency-key-reused"
    assert len((await client.get(base)).json()["items"]) == 1

    order_id = first.json()["id"]
    submit = await client.post(f"{base}/{order_id}/submit", headers={"Idempotency-Key": "s-1"})
    again = await client.post(f"{base}/{order_id}/submit", headers={"Idempotency-Key": "s-1"})
    assert (submit.status_code, again.status_code) == (200, 200)
    assert again.json() == submit.json()
    balance = (await client.get(f"/api/v1/projects/{project['id']}/balance")).json()
    assert balance["held"] == "11275.00"  # held once


async def test_bad_requests_answer_problem_details_naming_the_field(client):
    project = await new_project(client)
    base = f"/api/v1/projects/{project['id']}/orders"
    unknown = await client.post(base, json={"lines": [{"product_id": "nope", "nominal": "1000.00"}]})
    assert unknown.status_code == 422
    assert unknown.json()["errors"] == [
        {"field": "lines[0].product_id", "message": "product 'nope' is not in the catalog"}
    ]
    nominal = await client.post(base, json={"lines": [{"product_id": "101", "nominal": "999.00"}]})
    assert nominal.status_code == 422 and nominal.json()["errors"][0]["field"] == "lines[0].nominal"
    naive = await client.post(base, json={"scheduled_at": "2030-01-01T10:00:00", "lines": []})
    assert naive.status_code == 422 and naive.json()["errors"][0]["field"] == "scheduled_at"
    extra = await client.post(base, json={"lines": [], "surprise": 1})
    assert extra.status_code == 400


async def test_quick_order_waits_for_payment_then_resumes(client):
    project = await new_project(client, top_up="100.00")
    base = f"/api/v1/projects/{project['id']}/orders"
    quick = await client.post(
        f"{base}/quick", json={"product_id": "202", "nominal": "1000.00", "emails": ["a@x.ru", "b@x.ru", "c@x.ru"]}
    )
    assert quick.status_code == 201, quick.text
    assert (quick.json()["status"], quick.json()["total"]) == ("awaiting_payment", "3075.00")
    await client.post(
        f"/api/v1/projects/{project['id']}/top-ups",
        json={"amount": "2975.00", "currency": "RUB", "reference": {"kind": "payment", "value": "inv-1"}},
    )
    resumed = await client.post(f"{base}/resume")
    assert resumed.json() == {"queued": [quick.json()["id"]]}
    cancelled = await client.post(f"{base}/{quick.json()['id']}/cancel")
    assert cancelled.status_code == 409


async def test_xlsx_template_preview_and_accept_over_http(client):
    from tests.orders.xlsx_files import xlsx

    project = await new_project(client)
    base = f"/api/v1/projects/{project['id']}/orders"
    template = await client.get(f"{base}/xlsx/template")
    assert template.status_code == 200
    assert template.headers["content-type"].startswith("application/vnd.openxmlformats")
    content = xlsx([["101", 1000, 1, "Anna", "anna@example.com"], ["101", 999, 1, "Bob", "bob@example.com"]])
    files = {"file": ("list.xlsx", content, "application/octet-stream")}
    preview = await client.post(f"{base}/xlsx", files=files, data={"timezone": "Europe/Moscow"})
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert (body["rows"], body["valid_rows"], body["failed_rows"], body["order"]) == (2, 1, [3], None)
    assert body["problems"][0]["row"] == 3 and body["problems"][0]["column"] == "B"

    accepted = await client.post(f"{base}/xlsx", files=files, data={"accept": "true"})
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["order"]["certificate_count"] == 1
    again = await client.post(f"{base}/xlsx", files=files, data={"accept": "true"})
    assert again.status_code == 200 and again.json()["replayed"] is True

    broken = await client.post(f"{base}/xlsx", files={"file": ("x.xlsx", b"hello", "text/plain")})
    assert broken.status_code == 422
    assert broken.json()["errors"] == [{"field": "file", "message": "the file is not an XLSX workbook"}]


async def test_worker_delivery_retry_resend_and_archive_over_http(client, app, clock, giftery, settings):
    import json

    from sqlalchemy import text

    from gifthub.adapters.persistence.engine import create_engine
    from tests.orders.test_order_worker import drain

    giftery.refuse_products = {"202"}
    project = await new_project(client, top_up="10000.00")
    base = f"/api/v1/projects/{project['id']}/orders"
    good = (
        await client.post(f"{base}/quick", json={"product_id": "101", "nominal": "1000.00", "emails": ["a@x.ru"]})
    ).json()
    bad = (
        await client.post(f"{base}/quick", json={"product_id": "202", "nominal": "1000.00", "emails": ["b@x.ru"]})
    ).json()
    await drain(app, clock)

    [issued] = (await client.get(f"{base}/{good['id']}/certificates")).json()["items"]
    assert (issued["state"], issued["delivery_status"]) == ("issued", "sent") and issued["code"]
    [failed] = (await client.get(f"{base}/{bad['id']}/certificates")).json()["items"]
    assert failed["failure_reason"] == "Giftery refused the order: Product is inactive (code 17)"
    assert (await client.get(f"{base}/{bad['id']}")).json()["status"] == "failed"

    giftery.refuse_products = set()
    retried = await client.post(f"{base}/{bad['id']}/certificates/{failed['id']}/retry")
    assert retried.status_code == 200 and retried.json()["state"] == "pending"
    await drain(app, clock)
    assert (await client.get(f"{base}/{bad['id']}")).json()["status"] == "completed"

    resent = await client.post(f"{base}/{good['id']}/certificates/{issued['id']}/resend", json={"email": "new@x.ru"})
    assert resent.status_code == 200 and (resent.json()["email"], resent.json()["resent_to"]) == ("a@x.ru", "new@x.ru")
    archive = await client.post(f"{base}/{good['id']}/resend-archive", json={"email": "boss@x.ru"})
    assert archive.status_code == 202 and archive.json() == {"certificates": 1}
    wrong = await client.post(f"{base}/{good['id']}/certificates/{issued['id']}/resend", json={"email": "nope"})
    assert wrong.status_code == 422

    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        rows = (await connection.execute(text("select event_name, payload from outbox order by occurred_at"))).all()
    await engine.dispose()
    events = [(name, json.loads(payload)) for name, payload in rows]
    audit = [p for n, p in events if n == "order.certificate_resent"]
    assert [(a["previous_address"], a["address"]) for a in audit] == [("a@x.ru", "new@x.ru")]
    assert audit[0]["requested_by"].startswith("platform_staff:")
    emails = [p for n, p in events if n == "email.requested"]
    assert {(e["to"], e["template"]) for e in emails} == {
        ("new@x.ru", "certificate_delivery"),
        ("boss@x.ru", "certificates_archive"),
    }
    assert json.loads(next(e for e in emails if e["to"] == "boss@x.ru")["context"]["certificates"])[0]["code"]
    assert any(n == "order.finished" for n, _ in events)
