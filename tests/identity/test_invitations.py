"""Invitations, welcome emails, password reset and self-registration with moderation: the emails are
outbox rows (the email capability sends them); tokens are single use and expire."""

from __future__ import annotations

import json

from sqlalchemy import select

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.tables_bus import email_deliveries
from gifthub.adapters.persistence.tables_identity import one_time_tokens
from gifthub.adapters.persistence.tables_outbox import outbox
from tests.conftest import AUTH
from tests.integration.bus.conftest import eventually
from tests.support.identity import PASSWORD, create_user, sign_in

NEW_PASSWORD = "a brand new passphrase"


async def _emails(settings) -> list[dict]:
    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(outbox.c.payload)
            .where(outbox.c.event_name == "email.requested")
            .order_by(outbox.c.occurred_at, outbox.c.id)
        )
        payloads = [json.loads(row.payload) for row in rows]
        hashes = list((await connection.execute(select(one_time_tokens.c.token_hash))).scalars())
    await engine.dispose()
    for payload in payloads:
        assert payload.get("context", {}).get("token") not in hashes  # only hashes are stored
    return payloads


async def _delivered(settings, templates: set[str]) -> bool:
    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        rows = (await connection.execute(select(email_deliveries.c.template, email_deliveries.c.status))).all()
    await engine.dispose()
    return {template for template, status in rows if status == "sent"} >= templates


async def test_an_invitation_is_single_use_and_ends_in_a_welcome_email(web, settings, clock):
    cabinet = (await web.post("/api/v1/cabinets", json={"name": "Acme"}, headers=AUTH)).json()
    invited = await web.post(
        f"/api/v1/cabinets/{cabinet['id']}/members/invite",
        json={"email": "Ivan@Example.com", "role": "manager"},
        headers=AUTH,
    )
    assert invited.status_code == 202, invited.text
    assert invited.json()["email"] == "ivan@example.com" and "user" not in invited.json()
    [email] = await _emails(settings)
    assert email["to"] == "ivan@example.com" and email["template"] == "invitation"
    token = email["context"]["token"]

    weak = await web.post("/api/v1/auth/invitations/accept", json={"token": token, "password": "short"})
    assert weak.status_code == 422  # nothing changed: the token still works
    accepted = await web.post("/api/v1/auth/invitations/accept", json={"token": token, "password": PASSWORD})
    assert accepted.status_code == 200 and accepted.json()["status"] == "active"
    reused = await web.post("/api/v1/auth/invitations/accept", json={"token": token, "password": PASSWORD})
    assert reused.status_code == 410 and reused.json()["type"] == "/problems/invalid-token"
    assert [e["template"] for e in await _emails(settings)] == ["invitation", "welcome"]
    # Both emails render from their real contexts and are delivered (the in-process bus sends them).
    await eventually(lambda: _delivered(settings, {"invitation", "welcome"}), within=10, what="both emails sent")
    me = await web.get("/api/v1/auth/me", headers=await sign_in(web, "ivan@example.com"))
    assert me.json()["memberships"] == [{"cabinet_id": cabinet["id"], "role": "manager"}]


async def test_an_expired_invitation_is_refused(web, settings, clock):
    cabinet = (await web.post("/api/v1/cabinets", json={"name": "Acme"}, headers=AUTH)).json()
    body = {"email": "late@example.com", "role": "operator"}
    await web.post(f"/api/v1/cabinets/{cabinet['id']}/members/invite", json=body, headers=AUTH)
    token = (await _emails(settings))[0]["context"]["token"]
    clock.advance(days=7, seconds=1)
    expired = await web.post("/api/v1/auth/invitations/accept", json={"token": token, "password": PASSWORD})
    assert expired.status_code == 410


async def test_password_reset_answers_alike_and_the_link_works_once(web, settings):
    await create_user(web, "mila@example.com")
    old_session = await sign_in(web, "mila@example.com")
    known = await web.post("/api/v1/auth/password-reset", json={"email": "mila@example.com"})
    unknown = await web.post("/api/v1/auth/password-reset", json={"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 202 and known.json() == unknown.json()
    [email] = await _emails(settings)
    assert email["to"] == "mila@example.com" and email["template"] == "password_reset"
    body = {"token": email["context"]["token"], "password": NEW_PASSWORD}
    assert (await web.post("/api/v1/auth/password-reset/confirm", json=body)).status_code == 204
    assert (await web.post("/api/v1/auth/password-reset/confirm", json=body)).status_code == 410
    assert (await web.get("/api/v1/auth/me", headers=old_session)).status_code == 401  # sessions ended
    await sign_in(web, "mila@example.com", NEW_PASSWORD)


async def test_self_registration_waits_for_approval(web, settings):
    body = {"email": "new@example.com", "password": PASSWORD}
    first = await web.post("/api/v1/auth/register", json=body)
    again = await web.post("/api/v1/auth/register", json=body)
    assert first.status_code == again.status_code == 202 and first.json() == again.json()
    refused = await web.post("/api/v1/auth/sign-in", json=body)
    assert refused.status_code == 401  # pending: the same answer as a wrong password
    templates = [e["template"] for e in await _emails(settings)]
    assert templates == ["registration_received", "registration_exists"]

    found = await web.get("/api/v1/users", params={"q": "new@"}, headers=AUTH)
    assert [u["status"] for u in found.json()["items"]] == ["pending"]
    user_id = found.json()["items"][0]["id"]
    approved = await web.put(f"/api/v1/users/{user_id}/status", json={"status": "active"}, headers=AUTH)
    assert approved.status_code == 200 and approved.json()["status"] == "active"
    assert (await _emails(settings))[-1]["template"] == "welcome"
    headers = await sign_in(web, "new@example.com")
    blocked = await web.put(f"/api/v1/users/{user_id}/status", json={"status": "blocked"}, headers=AUTH)
    assert blocked.json()["status"] == "blocked"
    assert (await web.get("/api/v1/auth/me", headers=headers)).status_code == 401
    assert (await web.post("/api/v1/auth/sign-in", json=body)).status_code == 401
