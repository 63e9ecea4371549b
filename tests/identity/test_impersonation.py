"""Platform staff read as a user, read-only, with an audit record."""

from __future__ import annotations

from tests.conftest import AUTH
from tests.http.helpers import new_project
from tests.support.identity import add_member, create_user, sign_in


async def test_staff_impersonate_read_only_and_it_is_audited(web):
    web.headers.update(AUTH)
    project = await new_project(web, top_up="100.00")
    web.headers.pop("Authorization")
    owner = await create_user(web, "own@example.com")
    await add_member(web, project["cabinet_id"], "own@example.com", "owner")
    await create_user(web, "support@gifthub.example", staff_role="platform_support")
    support = await sign_in(web, "support@gifthub.example")

    answer = await web.post(f"/api/v1/users/{owner['id']}/impersonate", headers=support)
    assert answer.status_code == 201, answer.text
    as_owner = {
        "Cookie": f"gifthub_session={answer.cookies['gifthub_session']}",
        "X-CSRF-Token": answer.json()["csrf_token"],
    }
    web.cookies.clear()
    me = (await web.get("/api/v1/auth/me", headers=as_owner)).json()
    assert me["id"] == owner["id"] and me["read_only"] is True and me["on_behalf_of"].startswith("platform_staff:")
    assert (await web.get(f"/api/v1/projects/{project['id']}/balance", headers=as_owner)).status_code == 200
    hold = {"amount": "1.00", "currency": "RUB", "reference": {"kind": "order", "value": "imp-1"}}
    refused = await web.post(f"/api/v1/projects/{project['id']}/holds", json=hold, headers=as_owner)
    assert refused.status_code == 403 and "read-only" in refused.json()["detail"]

    trail = await web.get("/api/v1/audit", params={"action": "user.impersonated"}, headers=AUTH)
    [record] = trail.json()["items"]
    assert record["target"] == f"user:{owner['id']}" and record["actor"].startswith("platform_staff:")
    owner_session = await sign_in(web, "own@example.com")
    assert (await web.post(f"/api/v1/users/{owner['id']}/impersonate", headers=owner_session)).status_code == 403
