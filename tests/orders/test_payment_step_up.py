"""2FA at payment (item 8 of issue 10): a person with 2FA confirms each money-moving action with a fresh
second factor (POST /auth/step-up, valid a few minutes): submitting an order, a quick order, paying
waiting orders from the balance, issuing an invoice, placing a hold. Drafts need none; API keys never do."""

from __future__ import annotations

import base64

from tests.conftest import AUTH
from tests.http.helpers import money, new_project
from tests.support.billing import ru_seller_data, signature_png, stamp_png
from tests.support.identity import add_member, create_user, enable_two_factor, sign_in, step_up

DRAFT = {"lines": [{"product_id": "202", "nominal": "1000.00", "quantity": 1}]}
QUICK = {"product_id": "202", "nominal": "1000.00", "emails": ["a@x.ru"]}


async def _owner_with_2fa(web, clock, top_up: str = "10000.00") -> tuple[dict, dict[str, str], str]:
    web.headers.update(AUTH)
    project = await new_project(web, top_up=top_up)
    web.headers.pop("Authorization")
    await create_user(web, "payer@example.com")
    await add_member(web, project["cabinet_id"], "payer@example.com", "owner")
    headers = await sign_in(web, "payer@example.com")
    return project, headers, await enable_two_factor(web, headers, clock)


def _asks_for_step_up(answer) -> None:
    assert answer.status_code == 403, answer.text
    problem = answer.json()
    assert problem["type"] == "/problems/step-up-required"
    assert problem["step_up"]["href"] == "/api/v1/auth/step-up" and problem["step_up"]["method"] == "POST"
    assert problem["valid_seconds"] == 300 and "POST /api/v1/auth/step-up" in problem["detail"]


async def test_submitting_an_order_and_a_quick_order_need_a_fresh_second_factor(web, clock):
    project, headers, secret = await _owner_with_2fa(web, clock)
    base = f"/api/v1/projects/{project['id']}/orders"
    draft = await web.post(base, json=DRAFT, headers=headers)
    assert draft.status_code == 201, draft.text  # a draft moves no money

    _asks_for_step_up(await web.post(f"{base}/{draft.json()['id']}/submit", headers=headers))
    _asks_for_step_up(await web.post(f"{base}/quick", json=QUICK, headers=headers))
    balance = (await web.get(f"/api/v1/projects/{project['id']}/balance", headers=headers)).json()
    assert balance["held"] == "0.00"  # nothing was held

    await step_up(web, headers, secret, clock)
    submitted = await web.post(f"{base}/{draft.json()['id']}/submit", headers=headers)
    assert submitted.status_code == 200 and submitted.json()["status"] == "queued"
    assert (await web.post(f"{base}/quick", json=QUICK, headers=headers)).status_code == 201

    clock.advance(minutes=5, seconds=1)  # the step-up went stale
    _asks_for_step_up(await web.post(f"{base}/quick", json=QUICK, headers=headers))


async def test_paying_waiting_orders_from_the_balance_needs_a_fresh_second_factor(web, clock):
    project, headers, secret = await _owner_with_2fa(web, clock, top_up="100.00")
    base = f"/api/v1/projects/{project['id']}/orders"
    await step_up(web, headers, secret, clock)
    waiting = await web.post(f"{base}/quick", json=QUICK, headers=headers)
    assert waiting.json()["status"] == "awaiting_payment"
    top_up = {"amount": "2000.00", "currency": "RUB", "reference": {"kind": "payment", "value": "pp-2"}}
    assert (await web.post(f"/api/v1/projects/{project['id']}/top-ups", json=top_up, headers=AUTH)).status_code == 201
    clock.advance(minutes=6)

    _asks_for_step_up(await web.post(f"{base}/resume", headers=headers))
    await step_up(web, headers, secret, clock)
    resumed = await web.post(f"{base}/resume", headers=headers)
    assert resumed.status_code == 200 and resumed.json() == {"queued": [waiting.json()["id"]]}


async def test_issuing_an_invoice_and_placing_a_hold_need_a_fresh_second_factor(web, clock):
    seller = ru_seller_data() | {
        "signature_png_base64": base64.b64encode(signature_png()).decode(),
        "stamp_png_base64": base64.b64encode(stamp_png()).decode(),
    }
    assert (await web.post("/api/v1/platform/sellers", json=seller, headers=AUTH)).status_code == 201
    project, headers, secret = await _owner_with_2fa(web, clock)
    invoice = {"amount": "500.00", "currency": "RUB", "buyer": {"name": "ООО «Ромашка»", "inn": "7707083893"}}
    url = f"/api/v1/projects/{project['id']}"
    _asks_for_step_up(await web.post(f"{url}/invoices", json=invoice, headers=headers))
    _asks_for_step_up(await web.post(f"{url}/holds", json=money("10.00"), headers=headers))

    await step_up(web, headers, secret, clock)
    assert (await web.post(f"{url}/invoices", json=invoice, headers=headers)).status_code == 201
    assert (await web.post(f"{url}/holds", json=money("10.00"), headers=headers)).status_code == 201


async def test_api_keys_and_people_without_2fa_are_not_asked(web, clock):
    project, headers, secret = await _owner_with_2fa(web, clock)
    await step_up(web, headers, secret, clock)  # changing keys needs it too
    issued = await web.post(f"/api/v1/projects/{project['id']}/api-key", headers=headers)
    assert issued.status_code == 201, issued.text
    key = {"Authorization": f"Bearer {issued.json()['bearer']}"}
    clock.advance(minutes=10)
    base = f"/api/v1/projects/{project['id']}/orders"
    assert (await web.post(f"{base}/quick", json=QUICK, headers=key)).status_code == 201

    await create_user(web, "plain@example.com")
    await add_member(web, project["cabinet_id"], "plain@example.com", "operator", [project["id"]])
    plain = await sign_in(web, "plain@example.com")
    assert (await web.post(f"{base}/quick", json=QUICK, headers=plain)).status_code == 201
