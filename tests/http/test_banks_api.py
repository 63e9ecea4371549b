"""GET /api/v1/banks/{bic}: the bundled sample is loaded when the app starts with an empty directory."""

from __future__ import annotations


async def test_a_bank_by_bic_from_the_bundled_sample(client):
    response = await client.get("/api/v1/banks/044525225")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["name"] == "ПАО Сбербанк"
    assert body["city"] == "г Москва"
    assert body["correspondent_account"] == "30101810400000000225"
    assert body["can_receive_payments"] is True and body["refusal_reason"] is None


async def test_banks_that_cannot_take_payments_say_why(client):
    restricted = (await client.get("/api/v1/banks/044525871")).json()
    assert restricted["can_receive_payments"] is False
    assert restricted["restrictions"] == ["LWRS"]
    no_account = (await client.get("/api/v1/banks/044525000")).json()
    assert no_account["correspondent_account"] is None
    assert "no active correspondent account" in no_account["refusal_reason"]


async def test_unknown_and_malformed_bics(client):
    unknown = await client.get("/api/v1/banks/049999999")
    assert unknown.status_code == 404
    assert unknown.json()["type"] == "/problems/not-found"
    bad = await client.get("/api/v1/banks/12345")
    assert bad.status_code == 422
    assert bad.json()["errors"] == [{"field": "bic", "message": "BIC must be 9 digits, got '12345'"}]
