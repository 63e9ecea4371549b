"""An order cancelled by a person is in the cabinet's audit trail: who, and the order and the project's
money before and after (item 7 of issue 10)."""

from __future__ import annotations

from tests.conftest import AUTH
from tests.http.helpers import new_project
from tests.support.identity import add_member, create_user, sign_in

QUICK = {"product_id": "202", "nominal": "1000.00", "emails": ["a@x.ru", "b@x.ru"]}


async def test_cancelling_an_order_awaiting_payment_is_audited(web):
    web.headers.update(AUTH)
    project = await new_project(web, top_up="100.00")
    web.headers.pop("Authorization")
    user = await create_user(web, "oper@example.com")
    await add_member(web, project["cabinet_id"], "oper@example.com", "operator", [project["id"]])
    operator = await sign_in(web, "oper@example.com")
    base = f"/api/v1/projects/{project['id']}/orders"
    order = (await web.post(f"{base}/quick", json=QUICK, headers=operator)).json()
    assert order["status"] == "awaiting_payment"
    cancelled = await web.post(f"{base}/{order['id']}/cancel", headers=operator)
    assert cancelled.status_code == 200, cancelled.text

    trail = await web.get(
        "/api/v1/audit", params={"cabinet_id": project["cabinet_id"], "action": "order.cancelled"}, headers=AUTH
    )
    [record] = trail.json()["items"]
    assert record["actor"] == f"user:{user['id']}" and record["on_behalf_of"] == ""
    assert record["cabinet_id"] == project["cabinet_id"] and record["target"] == f"project:{project['id']}"
    assert record["before"]["order_id"] == order["id"] and record["before"]["status"] == "awaiting_payment"
    assert record["after"]["status"] == "cancelled" and record["after"]["total"] == order["total"]
    assert record["before"]["balance"] == record["after"]["balance"] == "100.00"


async def test_an_api_key_acts_on_behalf_of_its_project_in_the_audit_trail(web):
    web.headers.update(AUTH)
    project = await new_project(web, top_up="100.00")
    issued = (await web.post(f"/api/v1/projects/{project['id']}/api-key")).json()
    web.headers.pop("Authorization")
    key = {"Authorization": f"Bearer {issued['bearer']}"}
    base = f"/api/v1/projects/{project['id']}/orders"
    order = (await web.post(f"{base}/quick", json=QUICK, headers=key)).json()
    assert (await web.post(f"{base}/{order['id']}/cancel", headers=key)).status_code == 200

    trail = await web.get(
        "/api/v1/audit", params={"cabinet_id": project["cabinet_id"], "action": "order.cancelled"}, headers=AUTH
    )
    [record] = trail.json()["items"]
    assert record["actor"].startswith("api_client:")
    assert record["on_behalf_of"] == f"project:{project['id']}"
