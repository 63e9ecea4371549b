"""The accounts API end to end through Litestar, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.http.helpers import money, new_project


async def test_top_up_hold_capture_release_and_the_ledger_sums_up(client):
    project = await new_project(client, limit="500.00")
    pid = project["id"]
    assert project["b2b_code"].startswith("RU-")

    top_up = await client.post(f"/api/v1/projects/{pid}/top-ups", json=money("1000.00", kind="payment", value="PP-17"))
    assert top_up.status_code == 201
    assert top_up.json()["balance"] == {
        "currency": "RUB",
        "balance": "1000.00",
        "held": "0.00",
        "negative_limit": "500.00",
        "available": "1500.00",
    }

    hold = await client.post(f"/api/v1/projects/{pid}/holds", json=money("1200.50", value="order-1"))
    assert hold.status_code == 201, hold.text
    hold_id = hold.json()["hold"]["id"]
    assert hold.json()["balance"]["available"] == "299.50"

    capture = await client.post(
        f"/api/v1/projects/{pid}/holds/{hold_id}/capture",
        json={"amount": "1000.50", "currency": "RUB", "reference": {"kind": "certificate", "value": "c-1"}},
    )
    assert capture.status_code == 201, capture.text
    release = await client.post(
        f"/api/v1/projects/{pid}/holds/{hold_id}/release",
        json={"currency": "RUB", "reference": {"kind": "order", "value": "order-1-rest"}},
    )
    assert release.status_code == 201, release.text
    assert release.json()["entry"]["amount"] == "200.00"
    assert release.json()["hold"]["status"] == "closed"

    balance = (await client.get(f"/api/v1/projects/{pid}/balance")).json()
    assert balance == {
        "currency": "RUB",
        "balance": "-0.50",
        "held": "0.00",
        "negative_limit": "500.00",
        "available": "499.50",
    }
    ledger = (await client.get(f"/api/v1/projects/{pid}/ledger")).json()
    assert [e["kind"] for e in ledger["items"]] == ["release", "capture", "hold", "top_up"]
    assert [e["sequence"] for e in ledger["items"]] == [4, 3, 2, 1]


async def test_the_same_payment_credits_once(client):
    pid = (await new_project(client))["id"]
    body = money("250.00", kind="payment", value="PAY-1")
    first = await client.post(f"/api/v1/projects/{pid}/top-ups", json=body)
    second = await client.post(f"/api/v1/projects/{pid}/top-ups", json=body)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["replayed"] is True
    assert second.json()["entry"]["id"] == first.json()["entry"]["id"]
    assert (await client.get(f"/api/v1/projects/{pid}/balance")).json()["balance"] == "250.00"

    other = await client.post(f"/api/v1/projects/{pid}/top-ups", json=money("999.00", kind="payment", value="PAY-1"))
    assert other.status_code == 409
    assert other.json()["type"] == "/problems/idempotency-conflict"


async def test_a_payment_reference_is_unique_across_projects(client):
    first = (await new_project(client))["id"]
    second = (await new_project(client))["id"]
    body = money("10.00", kind="payment", value="PAY-X")
    assert (await client.post(f"/api/v1/projects/{first}/top-ups", json=body)).status_code == 201
    answer = await client.post(f"/api/v1/projects/{second}/top-ups", json=body)
    assert answer.status_code == 409
    assert (await client.get(f"/api/v1/projects/{second}/balance")).json()["balance"] == "0.00"


async def test_refusal_past_the_limit_names_what_is_available(client):
    pid = (await new_project(client, limit="100.00", top_up="50.00"))["id"]
    answer = await client.post(f"/api/v1/projects/{pid}/holds", json=money("150.01"))
    assert answer.status_code == 409
    problem = answer.json()
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert problem["type"] == "/problems/insufficient-funds"
    assert (problem["available"], problem["requested"], problem["currency"]) == ("150.00", "150.01", "RUB")
    ledger = (await client.get(f"/api/v1/projects/{pid}/ledger")).json()
    assert [e["kind"] for e in ledger["items"]] == ["top_up"]


BAD_AMOUNTS = [
    ("1.001", 422, "amount"),
    ("-5.00", 422, "amount"),
    ("0", 422, "amount"),
    ("ten", 422, "amount"),
    ("NaN", 422, "amount"),
    ("Infinity", 422, "amount"),
    ("1" + "0" * 30, 422, "amount"),
]


@pytest.mark.parametrize(("amount", "status", "field"), BAD_AMOUNTS)
async def test_bad_amounts_name_the_field_and_write_nothing(client, amount, status, field):
    pid = (await new_project(client, top_up="100.00"))["id"]
    answer = await client.post(f"/api/v1/projects/{pid}/holds", json=money(amount))
    assert answer.status_code == status, answer.text
    assert answer.json()["errors"][0]["field"] == field
    assert (await client.get(f"/api/v1/projects/{pid}/balance")).json()["held"] == "0.00"


@pytest.mark.parametrize(
    ("body", "status", "field", "type_"),
    [
        (
            {"amount": 10, "currency": "RUB", "reference": {"kind": "order", "value": "x"}},
            400,
            "amount",
            "validation-error",
        ),
        (
            {"amount": 10.5, "currency": "RUB", "reference": {"kind": "order", "value": "x"}},
            400,
            "amount",
            "validation-error",
        ),
        (
            {"amount": "1.00", "currency": "USD", "reference": {"kind": "order", "value": "x"}},
            422,
            "currency",
            "invalid-amount",
        ),
        (
            {"amount": "1.00", "currency": "KZT", "reference": {"kind": "order", "value": "x"}},
            422,
            "currency",
            "currency-mismatch",
        ),
        (
            {"amount": "1.00", "currency": "RUB", "reference": {"kind": "bogus", "value": "x"}},
            422,
            "reference.kind",
            "invalid-reference",
        ),
        (
            {"amount": "1.00", "currency": "RUB", "reference": {"kind": "order", "value": "a b"}},
            422,
            "reference",
            "invalid-reference",
        ),
        (
            {"amount": "1.00", "currency": "RUB", "reference": {"kind": "order", "value": "x"}, "extra": 1},
            400,
            "extra",
            "validation-error",
        ),
        ({"currency": "RUB", "reference": {"kind": "order", "value": "x"}}, 400, "amount", "validation-error"),
        (
            {"amount": "1.00", "currency": "RUB", "reference": {"kind": "order"}},
            400,
            "reference.value",
            "validation-error",
        ),
    ],
)
async def test_malformed_bodies_are_named_problems(client, body, status, field, type_):
    pid = (await new_project(client, top_up="100.00"))["id"]
    answer = await client.post(f"/api/v1/projects/{pid}/holds", json=body)
    assert answer.status_code == status, answer.text
    problem = answer.json()
    assert problem["type"] == f"/problems/{type_}"
    assert problem["errors"][0]["field"] == field
    assert (await client.get(f"/api/v1/projects/{pid}/ledger")).json()["items"][0]["kind"] == "top_up"


async def test_malformed_json_and_unknown_ids(client):
    pid = (await new_project(client))["id"]
    answer = await client.post(
        f"/api/v1/projects/{pid}/holds", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert answer.status_code == 400
    assert answer.json()["type"] == "/problems/malformed-json"
    missing = await client.get("/api/v1/projects/00000000-0000-0000-0000-000000000000/balance")
    assert missing.status_code == 404 and missing.json()["type"] == "/problems/not-found"
    bad_id = await client.get("/api/v1/projects/not-a-uuid/balance")
    assert bad_id.status_code == 404
    hold = await client.post(
        f"/api/v1/projects/{pid}/holds/00000000-0000-0000-0000-000000000000/capture",
        json={"currency": "RUB", "reference": {"kind": "certificate", "value": "c"}},
    )
    assert hold.status_code == 404


async def test_without_a_token_nothing_is_read_or_written(client):
    pid = (await new_project(client))["id"]
    anonymous = {"Authorization": ""}
    assert (await client.get(f"/api/v1/projects/{pid}/balance", headers=anonymous)).status_code == 401
    answer = await client.post(f"/api/v1/projects/{pid}/holds", json={}, headers={"Authorization": "Bearer wrong"})
    assert answer.status_code == 401
    assert answer.json()["type"] == "/problems/unauthenticated"


async def test_ledger_filters_by_kind_and_period_and_pages_by_cursor(client, clock):
    pid = (await new_project(client))["id"]
    for i in range(5):
        clock.advance(days=1)
        await client.post(f"/api/v1/projects/{pid}/top-ups", json=money("10.00", kind="payment", value=f"p{i}"))
        await client.post(f"/api/v1/projects/{pid}/holds", json=money("1.00", value=f"o{i}"))
    tops = (await client.get(f"/api/v1/projects/{pid}/ledger", params={"kind": "top_up"})).json()["items"]
    assert len(tops) == 5 and {e["kind"] for e in tops} == {"top_up"}
    both = await client.get(f"/api/v1/projects/{pid}/ledger", params=[("kind", "top_up"), ("kind", "hold")])
    assert len(both.json()["items"]) == 10

    since = "2026-11-03T00:00:00Z"
    until = "2026-11-05T00:00:00+00:00"
    period = (await client.get(f"/api/v1/projects/{pid}/ledger", params={"since": since, "until": until})).json()
    assert len(period["items"]) == 4

    seen, cursor = [], None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = (await client.get(f"/api/v1/projects/{pid}/ledger", params=params)).json()
        seen += [e["sequence"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(range(10, 0, -1))

    bad = await client.get(f"/api/v1/projects/{pid}/ledger", params={"cursor": "garbage!"})
    assert bad.status_code == 400
    too_big = await client.get(f"/api/v1/projects/{pid}/ledger", params={"limit": 1000})
    assert too_big.status_code == 400
    bad_kind = await client.get(f"/api/v1/projects/{pid}/ledger", params={"kind": "bogus"})
    assert bad_kind.status_code == 400


async def test_lists_of_cabinets_and_projects_page_consistently(client):
    for _ in range(3):
        await new_project(client)
    page = (await client.get("/api/v1/projects", params={"limit": 2})).json()
    assert len(page["items"]) == 2 and page["next_cursor"]
    rest = (await client.get("/api/v1/projects", params={"limit": 2, "cursor": page["next_cursor"]})).json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    ids = {p["id"] for p in page["items"]} | {p["id"] for p in rest["items"]}
    assert len(ids) == 3
    cabinets = (await client.get("/api/v1/cabinets")).json()
    assert len(cabinets["items"]) == 3


async def test_regions_fix_the_currency(client):
    kz = await new_project(client, region="kz")
    assert (kz["region"], kz["currency"], kz["b2b_code"][:3]) == ("KZ", "KZT", "KZ-")
    cabinet = (await client.post("/api/v1/cabinets", json={"name": "X"})).json()
    bad = await client.post(f"/api/v1/cabinets/{cabinet['id']}/projects", json={"name": "P", "region": "US"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "region"
    empty = await client.post(f"/api/v1/cabinets/{cabinet['id']}/projects", json={"name": "   ", "region": "RU"})
    assert empty.status_code == 422 and empty.json()["errors"][0]["field"] == "name"


async def test_health_readiness_and_openapi(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["database"] == "ok"
    schema = (await client.get("/schema/openapi.json")).json()
    assert "/api/v1/projects/{project_id}/holds" in schema["paths"]
    assert schema["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
