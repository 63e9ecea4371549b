"""Bad input is refused with clear problem details; secrets never reach logs or error bodies;
deletion keeps history; time zones are the user's."""

from __future__ import annotations

import logging

from tests.conftest import AUTH
from tests.support.identity import PASSWORD, create_user, sign_in


async def test_oversized_and_malformed_bodies_and_unknown_fields(web):
    huge = await web.post(
        "/api/v1/auth/sign-in",
        content=b'{"email": "a@example.com", "password": "' + b"x" * (2 * 1024 * 1024) + b'"}',
        headers={"Content-Type": "application/json"},
    )
    assert huge.status_code == 413
    malformed = await web.post(
        "/api/v1/auth/sign-in", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert malformed.status_code == 400
    extra = await web.post("/api/v1/auth/sign-in", json={"email": "a@example.com", "password": "p", "admin": True})
    assert extra.status_code == 400 and extra.json()["errors"][0]["field"] == "admin"
    too_long = await web.post("/api/v1/auth/sign-in", json={"email": "a@example.com", "password": "p" * 2000})
    assert too_long.status_code == 400 and too_long.json()["errors"][0]["field"] == "password"


async def test_secrets_never_reach_the_logs(web, caplog):
    # INFO: the production level. (At DEBUG the aiosqlite driver itself logs SQL parameters.)
    caplog.set_level(logging.INFO)
    await create_user(web, "quiet@example.com")
    headers = await sign_in(web, "quiet@example.com")
    await web.post("/api/v1/auth/sign-in", json={"email": "quiet@example.com", "password": "the wrong one!"})
    setup = (await web.post("/api/v1/auth/2fa/setup", headers=headers)).json()
    logged = caplog.text
    for secret in (
        PASSWORD,
        "the wrong one!",
        headers["X-CSRF-Token"],
        setup["provisioning_uri"].split("secret=")[1][:16],
    ):
        assert secret not in logged


async def test_delete_keeps_the_row_but_not_the_person_and_time_zones(web):
    user = await create_user(web, "gone@example.com")
    headers = await sign_in(web, "gone@example.com")
    zone = await web.patch("/api/v1/auth/me", json={"time_zone": "Asia/Almaty"}, headers=headers)
    assert zone.status_code == 200 and zone.json()["time_zone"] == "Asia/Almaty"
    bad_zone = await web.patch("/api/v1/auth/me", json={"time_zone": "Mars/Olympus"}, headers=headers)
    assert bad_zone.status_code == 422 and bad_zone.json()["errors"][0]["field"] == "time_zone"

    deleted = await web.delete(f"/api/v1/users/{user['id']}", headers=AUTH)
    assert deleted.status_code == 200
    assert deleted.json()["email"] == f"deleted-{user['id']}@deleted.invalid"
    assert deleted.json()["status"] == "deactivated"
    assert (await web.get("/api/v1/auth/me", headers=headers)).status_code == 401
    again = await web.post("/api/v1/auth/sign-in", json={"email": "gone@example.com", "password": PASSWORD})
    assert again.status_code == 401
    trail = (await web.get("/api/v1/audit", params={"action": "user.deleted"}, headers=AUTH)).json()["items"]
    assert [r["target"] for r in trail] == [f"user:{user['id']}"]
