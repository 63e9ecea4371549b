"""Identity holes found by probing (item 12 of issue 10): a session alone replaced an active second
factor; any owner could add any existing email to their cabinet (and learn who uses GiftHub); an owner
could lock themselves out, and the last owner could leave a cabinet with no owner."""

from __future__ import annotations

import json

from sqlalchemy import select

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.tables_outbox import outbox
from tests.conftest import AUTH
from tests.support.identity import add_member, create_user, enable_two_factor, sign_in, step_up, totp

POLICY = "/api/v1/cabinets/{}/security-policy"


async def _emails(settings) -> list[dict]:
    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        query = select(outbox.c.payload).where(outbox.c.event_name == "email.requested").order_by(outbox.c.occurred_at)
        payloads = [json.loads(p) for p in (await connection.execute(query)).scalars()]
    await engine.dispose()
    return payloads


async def _cabinet_with_owner(web, email: str = "owner@example.com") -> tuple[dict, dict, dict[str, str]]:
    cabinet = (await web.post("/api/v1/cabinets", json={"name": "Acme"}, headers=AUTH)).json()
    owner = await create_user(web, email)
    await add_member(web, cabinet["id"], email, "owner")
    return cabinet, owner, await sign_in(web, email)


async def test_a_session_alone_cannot_replace_an_active_second_factor(web, clock, settings):
    _, owner, headers = await _cabinet_with_owner(web)
    secret = await enable_two_factor(web, headers, clock)

    refused = await web.post("/api/v1/auth/2fa/setup", headers=headers)  # a stolen cookie is not enough
    assert refused.status_code == 403 and refused.json()["type"] == "/problems/step-up-required"
    assert refused.json()["step_up"]["href"] == "/api/v1/auth/step-up"

    await step_up(web, headers, secret, clock)  # the current factor proves it is the owner
    setup = await web.post("/api/v1/auth/2fa/setup", headers=headers)
    assert setup.status_code == 200
    new_secret = setup.json()["provisioning_uri"].split("secret=")[1].split("&")[0]
    clock.advance(minutes=6)  # the step-up went stale between setup and confirmation
    stale = await web.post("/api/v1/auth/2fa/enable", json={"code": totp(new_secret, clock)}, headers=headers)
    assert stale.status_code == 403 and stale.json()["type"] == "/problems/step-up-required"
    await step_up(web, headers, secret, clock)
    swapped = await web.post("/api/v1/auth/2fa/enable", json={"code": totp(new_secret, clock)}, headers=headers)
    assert swapped.status_code == 200 and len(swapped.json()["recovery_codes"]) == 10

    clock.advance(seconds=30)
    old = await web.post("/api/v1/auth/step-up", json={"code": totp(secret, clock)}, headers=headers)
    assert old.status_code == 422  # the old authenticator no longer works
    trail = await web.get("/api/v1/audit", params={"action": "user.2fa_replaced"}, headers=AUTH)
    [record] = trail.json()["items"]
    assert record["actor"] == f"user:{owner['id']}" and record["before"] == {"two_factor": True}
    changes = [e["context"]["change"] for e in await _emails(settings) if e["template"] == "two_factor_changed"]
    assert changes == ["enabled", "replaced"]  # the owner is told


async def test_joining_a_cabinet_is_an_invitation_the_person_accepts_with_one_answer_for_every_email(web, settings):
    cabinet, _, owner = await _cabinet_with_owner(web)
    await web.patch(
        "/api/v1/auth/me", json={"time_zone": "Asia/Almaty"}, headers=await sign_in(web, "owner@example.com")
    )
    known = await create_user(web, "known@example.com")
    await create_user(web, "staff@gifthub.example", staff_role="platform_support")
    members = f"/api/v1/cabinets/{cabinet['id']}/members"

    # Adding straight away is for members only: the same 404 for a user of GiftHub and for nobody.
    added = await web.post(members, json={"email": "known@example.com", "role": "operator"}, headers=owner)
    nobody = await web.post(members, json={"email": "nobody@example.com", "role": "operator"}, headers=owner)
    assert added.status_code == nobody.status_code == 404
    assert added.json()["detail"] == nobody.json()["detail"] and "invite" in added.json()["detail"]

    answers = []
    for email in ("known@example.com", "nobody@example.com", "staff@gifthub.example"):
        answer = await web.post(f"{members}/invite", json={"email": email, "role": "operator"}, headers=owner)
        assert answer.status_code == 202, answer.text
        answers.append({k: v for k, v in answer.json().items() if k != "email"})
    assert answers[0] == answers[1] == answers[2]  # no id, status, zone or language of anybody
    assert set(answers[0]) == {"role", "project_ids", "detail"}

    person = await sign_in(web, "known@example.com")
    assert (await web.get("/api/v1/auth/me", headers=person)).json()["memberships"] == []  # not joined yet
    listed = (await web.get(members, headers=owner)).json()["items"]
    assert [m["user"]["email"] for m in listed] == ["owner@example.com"]
    pending = (await web.get(f"{members}/invitations", headers=owner)).json()["items"]
    assert sorted((i["email"], i["role"]) for i in pending) == [
        ("known@example.com", "operator"),
        ("nobody@example.com", "operator"),
    ]
    assert all(set(i) == {"email", "role", "invited_at"} for i in pending)
    templates = {e["to"]: e["template"] for e in await _emails(settings)}
    assert templates == {"known@example.com": "cabinet_invitation", "nobody@example.com": "invitation"}

    mine = (await web.get("/api/v1/auth/me/invitations", headers=person)).json()["items"]
    assert [(i["cabinet_id"], i["cabinet_name"], i["role"]) for i in mine] == [(cabinet["id"], "Acme", "operator")]
    accepted = await web.post(f"/api/v1/auth/me/invitations/{cabinet['id']}/accept", headers=person)
    assert accepted.status_code == 200 and accepted.json() == {"cabinet_id": cabinet["id"], "role": "operator"}
    me = (await web.get("/api/v1/auth/me", headers=person)).json()
    assert me["memberships"] == [{"cabinet_id": cabinet["id"], "role": "operator"}]
    listed = (await web.get(members, headers=owner)).json()["items"]
    assert [m["user"]["id"] for m in listed if m["user"]["email"] == "known@example.com"] == [known["id"]]
    again = await web.post(f"/api/v1/auth/me/invitations/{cabinet['id']}/accept", headers=person)
    assert again.status_code == 404
    member = await web.post(f"{members}/invite", json={"email": "known@example.com", "role": "manager"}, headers=owner)
    assert member.status_code == 409 and member.json()["type"] == "/problems/already-member"


async def test_a_declined_invitation_gives_no_access(web):
    cabinet, _, owner = await _cabinet_with_owner(web)
    await create_user(web, "shy@example.com")
    body = {"email": "shy@example.com", "role": "manager"}
    assert (
        await web.post(f"/api/v1/cabinets/{cabinet['id']}/members/invite", json=body, headers=owner)
    ).status_code == 202
    person = await sign_in(web, "shy@example.com")
    declined = await web.post(f"/api/v1/auth/me/invitations/{cabinet['id']}/decline", headers=person)
    assert declined.status_code == 204
    assert (await web.get("/api/v1/auth/me/invitations", headers=person)).json()["items"] == []
    assert (await web.get(f"/api/v1/cabinets/{cabinet['id']}", headers=person)).status_code == 404
    pending = await web.get(f"/api/v1/cabinets/{cabinet['id']}/members/invitations", headers=owner)
    assert pending.json()["items"] == []


async def test_an_owner_cannot_lock_themselves_out(web):
    cabinet, _, owner = await _cabinet_with_owner(web)
    url = POLICY.format(cabinet["id"])
    no_2fa = await web.put(url, json={"require_two_factor": True, "allowed_networks": []}, headers=owner)
    assert no_2fa.status_code == 422 and no_2fa.json()["type"] == "/problems/policy-locks-you-out"
    assert no_2fa.json()["errors"][0]["field"] == "require_two_factor"
    assert "2fa/setup" in no_2fa.json()["errors"][0]["message"]
    # The test client connects from "testclient", an address on no network.
    elsewhere = await web.put(
        url, json={"require_two_factor": False, "allowed_networks": ["10.0.0.0/8"]}, headers=owner
    )
    assert elsewhere.status_code == 422 and elsewhere.json()["errors"][0]["field"] == "allowed_networks"
    policy = (await web.get(url, headers=owner)).json()
    assert policy["require_two_factor"] is False and policy["allowed_networks"] == []
    assert (await web.get(f"/api/v1/cabinets/{cabinet['id']}", headers=owner)).status_code == 200


async def test_the_last_owner_can_neither_step_down_nor_leave(web):
    cabinet, owner_user, owner = await _cabinet_with_owner(web)
    members = f"/api/v1/cabinets/{cabinet['id']}/members"
    demote = await web.post(members, json={"email": "owner@example.com", "role": "manager"}, headers=owner)
    assert demote.status_code == 409 and demote.json()["type"] == "/problems/last-owner"
    assert "another member owner first" in demote.json()["detail"]
    leave = await web.delete(f"{members}/{owner_user['id']}", headers=owner)
    assert leave.status_code == 409 and leave.json()["type"] == "/problems/last-owner"
    by_staff = await web.delete(f"{members}/{owner_user['id']}", headers=AUTH)
    assert by_staff.status_code == 409  # nobody leaves a cabinet without an owner

    await create_user(web, "second@example.com")
    await add_member(web, cabinet["id"], "second@example.com", "owner")
    stepped_down = await web.post(members, json={"email": "owner@example.com", "role": "manager"}, headers=owner)
    assert stepped_down.status_code == 200 and stepped_down.json()["role"] == "manager"
