"""The append-only audit trail: sensitive actions with who, what, when, IP, before/after; CSV export."""

from __future__ import annotations

import csv
import io

from tests.conftest import AUTH
from tests.support.identity import PASSWORD, add_member, create_user, sign_in


async def test_owner_reads_and_exports_the_cabinet_audit_trail(web, clock):
    cabinet = (await web.post("/api/v1/cabinets", json={"name": "Acme"}, headers=AUTH)).json()
    await create_user(web, "owner@example.com")
    await create_user(web, "clerk@example.com")
    await add_member(web, cabinet["id"], "owner@example.com", "owner")
    owner = await sign_in(web, "owner@example.com")
    clock.advance(seconds=1)  # the trail is ordered by time
    invited = await web.post(
        f"/api/v1/cabinets/{cabinet['id']}/members/invite",
        json={"email": "clerk@example.com", "role": "accountant"},
        headers=owner,
    )
    assert invited.status_code == 202, invited.text
    clerk = await sign_in(web, "clerk@example.com")
    clock.advance(seconds=1)
    joined = await web.post(f"/api/v1/auth/me/invitations/{cabinet['id']}/accept", headers=clerk)
    assert joined.status_code == 200, joined.text
    await web.post("/api/v1/auth/sign-in", json={"email": "owner@example.com", "password": "wrong password!"})
    web.cookies.clear()

    trail = await web.get("/api/v1/audit", params={"cabinet_id": cabinet["id"]}, headers=owner)
    assert trail.status_code == 200, trail.text
    items = trail.json()["items"]
    assert [i["action"] for i in items] == ["member.set", "member.invited", "member.joined"]
    invitation = items[1]
    assert invitation["actor"].startswith("user:") and invitation["ip"] == "testclient"
    assert invitation["after"] == {"role": "accountant", "email": "clerk@example.com", "projects": []}
    assert items[2]["actor"] == invitation["target"] and items[2]["after"] == {"role": "accountant", "pending": False}

    staff = await web.get("/api/v1/audit", params={"action": "auth.sign_in_failed"}, headers=AUTH)
    assert [i["ip"] for i in staff.json()["items"]] == ["testclient"]
    assert PASSWORD not in staff.text and "wrong password!" not in staff.text

    moscow = await web.get(
        "/api/v1/audit", params={"cabinet_id": cabinet["id"], "time_zone": "Europe/Moscow"}, headers=owner
    )
    assert moscow.json()["items"][0]["created_at"].endswith("+03:00")

    export = await web.get("/api/v1/audit/export.csv", params={"cabinet_id": cabinet["id"]}, headers=owner)
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert [r["action"] for r in rows] == ["member.set", "member.invited", "member.joined"]

    refused = await web.get("/api/v1/audit", params={"cabinet_id": cabinet["id"]}, headers=clerk)
    assert refused.status_code == 403
