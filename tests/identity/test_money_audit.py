"""Money actions of people land in the audit trail, each with who, for which cabinet, and the state
before and after: negative-limit changes, manual adjustments (with their reason), top-ups, invoice
cancellations, manual payment matches and statement imports (item 7 of issue 10)."""

from __future__ import annotations

import base64

from tests.conftest import AUTH
from tests.support.billing import document, ru_seller_data, signature_png, stamp_png, statement
from tests.support.identity import add_member, create_user, sign_in

STAFF = "platform_staff:bootstrap-admin"


async def _trail(web, cabinet_id: str | None, action: str) -> list[dict]:
    params = {"action": action} | ({"cabinet_id": cabinet_id} if cabinet_id else {})
    answer = await web.get("/api/v1/audit", params=params, headers=AUTH)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


async def _project(web) -> dict:
    cabinet = (await web.post("/api/v1/cabinets", json={"name": "Acme"}, headers=AUTH)).json()
    body = {"name": "Gifts", "region": "RU"}
    answer = await web.post(f"/api/v1/cabinets/{cabinet['id']}/projects", json=body, headers=AUTH)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def _seller(web) -> None:
    body = ru_seller_data() | {
        "signature_png_base64": base64.b64encode(signature_png()).decode(),
        "stamp_png_base64": base64.b64encode(stamp_png()).decode(),
    }
    answer = await web.post("/api/v1/platform/sellers", json=body, headers=AUTH)
    assert answer.status_code == 201, answer.text


async def test_limits_adjustments_and_top_ups_are_audited_with_the_money_before_and_after(web):
    project = await _project(web)
    url, cabinet = f"/api/v1/projects/{project['id']}", project["cabinet_id"]
    limit = await web.put(f"{url}/negative-limit", json={"amount": "500.00", "currency": "RUB"}, headers=AUTH)
    assert limit.status_code == 200, limit.text
    top_up = {"amount": "1000.00", "currency": "RUB", "reference": {"kind": "payment", "value": "pp-7"}}
    assert (await web.post(f"{url}/top-ups", json=top_up, headers=AUTH)).status_code == 201
    adjustment = {
        "amount": "-150.00",
        "currency": "RUB",
        "reference": {"kind": "manual", "value": "fix-1"},
        "comment": "double credit of pp-7 reversed",
    }
    assert (await web.post(f"{url}/adjustments", json=adjustment, headers=AUTH)).status_code == 201
    replay = await web.post(f"{url}/adjustments", json=adjustment, headers=AUTH)
    assert replay.status_code == 200 and replay.json()["replayed"] is True

    [changed] = await _trail(web, cabinet, "project.negative_limit_changed")
    assert (changed["actor"], changed["cabinet_id"], changed["target"]) == (STAFF, cabinet, f"project:{project['id']}")
    assert changed["before"]["negative_limit"] == "0.00" and changed["after"]["negative_limit"] == "500.00"
    assert changed["before"]["available"] == "0.00" and changed["after"]["available"] == "500.00"

    [credited] = await _trail(web, cabinet, "project.topped_up")
    assert credited["actor"] == STAFF and credited["after"]["reference"] == "payment:pp-7"
    assert (credited["before"]["balance"], credited["after"]["balance"]) == ("0.00", "1000.00")

    [adjusted] = await _trail(web, cabinet, "project.adjusted")  # the replay wrote no second record
    assert adjusted["actor"] == STAFF and adjusted["cabinet_id"] == cabinet
    assert (adjusted["before"]["balance"], adjusted["after"]["balance"]) == ("1000.00", "850.00")
    assert adjusted["after"]["comment"] == "double credit of pp-7 reversed"
    assert adjusted["after"]["amount"] == "-150.00" and adjusted["after"]["reference"] == "manual:fix-1"


async def test_an_invoice_cancelled_by_the_owner_is_audited_in_the_cabinet(web):
    await _seller(web)
    project = await _project(web)
    cabinet = project["cabinet_id"]
    owner = await create_user(web, "owner@example.com")
    await add_member(web, cabinet, "owner@example.com", "owner")
    headers = await sign_in(web, "owner@example.com")
    body = {"amount": "700.00", "currency": "RUB", "buyer": {"name": "ООО «Ромашка»", "inn": "7707083893"}}
    issued = await web.post(f"/api/v1/projects/{project['id']}/invoices", json=body, headers=headers)
    assert issued.status_code == 201, issued.text
    invoice = issued.json()
    cancelled = await web.post(f"/api/v1/invoices/{invoice['id']}/cancel", headers=headers)
    assert cancelled.status_code == 200, cancelled.text

    trail = await web.get("/api/v1/audit", params={"cabinet_id": cabinet}, headers=headers)  # the owner reads it
    [record] = [r for r in trail.json()["items"] if r["action"] == "invoice.cancelled"]
    assert record["actor"] == f"user:{owner['id']}" and record["cabinet_id"] == cabinet
    assert record["before"]["status"] == "issued" and record["after"]["status"] == "cancelled"
    assert record["after"]["number"] == invoice["number"] and record["after"]["total"] == "700.00"


async def test_statement_imports_and_manual_matches_are_audited(web):
    await _seller(web)
    project = await _project(web)
    cabinet = project["cabinet_id"]
    body = {"amount": "100.00", "currency": "RUB", "buyer": {"name": "ООО «Ромашка»", "inn": "7707083893"}}
    invoice = (await web.post(f"/api/v1/projects/{project['id']}/invoices", json=body, headers=AUTH)).json()
    data = statement(document("31", "130.00", "Оплата за подарочные карты"))
    headers = AUTH | {"Content-Type": "application/octet-stream"}
    imported = await web.post("/api/v1/platform/bank-statements", content=data, headers=headers)
    assert imported.status_code == 200 and imported.json()["unmatched"] == 1

    [record] = await _trail(web, None, "statement.imported")
    assert record["actor"] == STAFF and record["cabinet_id"] is None
    assert record["after"]["received"] == 1 and record["after"]["unmatched"] == 1
    assert [(p["amount"], p["status"]) for p in record["after"]["payments"]] == [("130.00", "unmatched")]

    queue = (await web.get("/api/v1/platform/payments", params={"status": "unmatched"}, headers=AUTH)).json()
    payment_id = queue["items"][0]["id"]
    match = {"invoice_id": invoice["id"]}
    matched = await web.post(f"/api/v1/platform/payments/{payment_id}/match", json=match, headers=AUTH)
    assert matched.status_code == 200, matched.text

    [record] = await _trail(web, cabinet, "payment.matched")
    assert (record["actor"], record["cabinet_id"], record["target"]) == (STAFF, cabinet, f"payment:{payment_id}")
    assert record["before"]["payment"]["status"] == "unmatched" and record["before"]["invoice"]["paid"] == "0.00"
    assert record["after"]["payment"]["status"] == "applied" and record["after"]["invoice"]["status"] == "paid"
    assert record["after"]["payment"]["project_id"] == project["id"]
