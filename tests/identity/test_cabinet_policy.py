"""A cabinet's security policy: an IP allow-list for sessions and API keys, and required 2FA."""

from __future__ import annotations

from tests.conftest import AUTH
from tests.http.helpers import new_project
from tests.support.identity import add_member, create_user, sign_in

# The test client connects from "testclient", which is no IP address: on no allow-list.
POLICY = "/api/v1/cabinets/{}/security-policy"


async def test_an_allow_list_closes_the_cabinet_to_other_addresses(web):
    web.headers.update(AUTH)
    project = await new_project(web)
    key = (await web.post(f"/api/v1/projects/{project['id']}/api-key")).json()["bearer"]
    web.headers.pop("Authorization")
    await create_user(web, "ann@example.com")
    await add_member(web, project["cabinet_id"], "ann@example.com", "owner")
    owner = await sign_in(web, "ann@example.com")
    balance = f"/api/v1/projects/{project['id']}/balance"
    assert (await web.get(balance, headers=owner)).status_code == 200

    bad = await web.put(
        POLICY.format(project["cabinet_id"]),
        json={"require_two_factor": False, "allowed_networks": ["10.0.0.0/33"]},
        headers=owner,
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "allowed_networks[0]"
    body = {"require_two_factor": False, "allowed_networks": ["203.0.113.0/24", "2001:db8::/32"]}
    # The owner's own address is on neither network: refused, the owner would lock themselves out
    # (tests/identity/test_lockouts.py); platform staff set it for them.
    locked = await web.put(POLICY.format(project["cabinet_id"]), json=body, headers=owner)
    assert locked.status_code == 422 and locked.json()["type"] == "/problems/policy-locks-you-out"
    assert (await web.put(POLICY.format(project["cabinet_id"]), json=body, headers=AUTH)).status_code == 200

    assert (await web.get(balance, headers=owner)).status_code == 404  # not from this address
    assert (await web.get(balance, headers={"Authorization": f"Bearer {key}"})).status_code == 401
    assert (await web.get(balance, headers=AUTH)).status_code == 200  # platform staff are not limited
    policy = await web.get(POLICY.format(project["cabinet_id"]), headers=AUTH)
    assert policy.json()["allowed_networks"] == ["203.0.113.0/24", "2001:db8::/32"]


async def test_required_2fa_keeps_users_without_it_out_of_the_cabinet(web):
    cabinet = (await web.post("/api/v1/cabinets", json={"name": "Strict"}, headers=AUTH)).json()
    await create_user(web, "bob@example.com")
    await add_member(web, cabinet["id"], "bob@example.com", "manager")
    manager = await sign_in(web, "bob@example.com")
    assert (await web.get(f"/api/v1/cabinets/{cabinet['id']}", headers=manager)).status_code == 200
    body = {"require_two_factor": True, "allowed_networks": []}
    assert (await web.put(POLICY.format(cabinet["id"]), json=body, headers=AUTH)).status_code == 200
    assert (await web.get(f"/api/v1/cabinets/{cabinet['id']}", headers=manager)).status_code == 404
    me = await web.get("/api/v1/auth/me", headers=manager)
    assert me.status_code == 200 and me.json()["memberships"] == []  # signed in, can set up 2FA
