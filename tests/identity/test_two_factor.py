"""TOTP 2FA with the container's clock: setup with a QR code, recovery codes, required at sign-in,
replays refused, step-up for key changes, staff reset."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pyotp
from sqlalchemy import select

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.tables_identity import users
from gifthub.adapters.persistence.tables_outbox import outbox
from tests.conftest import AUTH
from tests.http.helpers import new_project
from tests.support.identity import PASSWORD, add_member, create_user, sign_in


def _code(secret: str, clock) -> str:
    return pyotp.TOTP(secret).at(clock.now())


async def _owner_with_2fa(web, clock) -> tuple[dict, dict[str, str], str, list[str]]:
    web.headers.update(AUTH)
    project = await new_project(web)
    web.headers.pop("Authorization")
    user = await create_user(web, "tom@example.com")
    await add_member(web, project["cabinet_id"], "tom@example.com", "owner")
    headers = await sign_in(web, "tom@example.com")
    setup = await web.post("/api/v1/auth/2fa/setup", headers=headers)
    assert setup.status_code == 200, setup.text
    assert setup.json()["qr_code"].startswith("data:image/svg+xml")
    secret = parse_qs(urlparse(setup.json()["provisioning_uri"]).query)["secret"][0]
    wrong = await web.post("/api/v1/auth/2fa/enable", json={"code": "123456"}, headers=headers)
    assert wrong.status_code == 422 and secret not in wrong.text
    enabled = await web.post("/api/v1/auth/2fa/enable", json={"code": _code(secret, clock)}, headers=headers)
    assert enabled.status_code == 200, enabled.text
    codes = enabled.json()["recovery_codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    clock.advance(seconds=31)
    return {**project, "user": user}, headers, secret, codes


async def test_sign_in_needs_the_totp_and_refuses_a_replay(web, clock, settings):
    _, _, secret, _ = await _owner_with_2fa(web, clock)
    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        stored = (await connection.execute(select(users.c.totp_secret))).scalar_one()
    await engine.dispose()
    assert stored and secret not in stored  # the database holds the seed sealed, never as given to the app
    body = {"email": "tom@example.com", "password": PASSWORD}
    needed = await web.post("/api/v1/auth/sign-in", json=body)
    assert needed.status_code == 401 and needed.json()["type"] == "/problems/two-factor-required"
    assert "gifthub_session" not in needed.cookies
    wrong = await web.post("/api/v1/auth/sign-in", json={**body, "otp": "000000"})
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "otp"
    code = _code(secret, clock)
    assert (await web.post("/api/v1/auth/sign-in", json={**body, "otp": code})).status_code == 200
    web.cookies.clear()
    replay = await web.post("/api/v1/auth/sign-in", json={**body, "otp": code})
    assert replay.status_code == 422  # the same code within its window
    clock.advance(seconds=30)
    assert (await web.post("/api/v1/auth/sign-in", json={**body, "otp": _code(secret, clock)})).status_code == 200


async def test_recovery_codes_work_once(web, clock):
    _, _, _, codes = await _owner_with_2fa(web, clock)
    body = {"email": "tom@example.com", "password": PASSWORD, "otp": codes[0].lower()}
    assert (await web.post("/api/v1/auth/sign-in", json=body)).status_code == 200
    web.cookies.clear()
    assert (await web.post("/api/v1/auth/sign-in", json=body)).status_code == 422


async def test_changing_api_keys_needs_a_fresh_step_up(web, clock):
    project, headers, secret, _ = await _owner_with_2fa(web, clock)
    url = f"/api/v1/projects/{project['id']}/api-key"
    refused = await web.post(url, headers=headers)
    assert refused.status_code == 403 and refused.json()["type"] == "/problems/step-up-required"
    assert (
        await web.post("/api/v1/auth/step-up", json={"code": _code(secret, clock)}, headers=headers)
    ).status_code == 204
    assert (await web.post(url, headers=headers)).status_code == 201
    clock.advance(minutes=6)
    assert (await web.delete(url, headers=headers)).status_code == 403  # the step-up went stale
    assert (
        await web.post("/api/v1/auth/step-up", json={"code": _code(secret, clock)}, headers=headers)
    ).status_code == 204
    assert (await web.delete(url, headers=headers)).status_code == 200


async def test_platform_staff_reset_2fa_and_end_the_sessions(web, clock, settings):
    project, headers, _, _ = await _owner_with_2fa(web, clock)
    reset = await web.post(f"/api/v1/users/{project['user']['id']}/2fa/reset", headers=AUTH)
    assert reset.status_code == 200
    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        query = select(outbox.c.payload).where(outbox.c.event_name == "email.requested").order_by(outbox.c.occurred_at)
        emails = [json.loads(payload) for payload in (await connection.execute(query)).scalars()]
    await engine.dispose()
    changes = [(e["to"], e["context"]["change"]) for e in emails if e["template"] == "two_factor_changed"]
    assert changes == [("tom@example.com", "enabled"), ("tom@example.com", "reset")]  # the owner is told both
    assert (await web.get("/api/v1/auth/me", headers=headers)).status_code == 401
    signed = await web.post("/api/v1/auth/sign-in", json={"email": "tom@example.com", "password": PASSWORD})
    assert signed.status_code == 200  # no TOTP needed any more
