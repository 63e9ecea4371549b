"""Each person reads their emails in their language (ru unless they chose en): chosen at invitation,
registration or creation, changed in the profile, and used for every email rendered for them."""

from __future__ import annotations

import json

from sqlalchemy import select

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.tables_bus import email_deliveries
from gifthub.adapters.persistence.tables_outbox import outbox
from tests.conftest import AUTH
from tests.integration.bus.conftest import eventually
from tests.support.identity import create_user, sign_in


async def _requested(settings) -> list[dict]:
    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(outbox.c.payload).where(outbox.c.event_name == "email.requested").order_by(outbox.c.occurred_at)
        )
        payloads = [json.loads(row.payload) for row in rows]
    await engine.dispose()
    return payloads


async def _subjects(settings) -> dict[str, str]:
    engine = create_engine(settings.database_url)
    async with engine.connect() as connection:
        rows = (await connection.execute(select(email_deliveries.c.template, email_deliveries.c.subject))).all()
    await engine.dispose()
    return dict(rows)


async def test_an_invitation_in_english_is_written_in_english(web, settings):
    cabinet = (await web.post("/api/v1/cabinets", json={"name": "Acme"}, headers=AUTH)).json()
    body = {"email": "anna@example.com", "role": "manager", "language": "EN"}
    invited = await web.post(f"/api/v1/cabinets/{cabinet['id']}/members/invite", json=body, headers=AUTH)
    assert invited.status_code == 202, invited.text  # the answer names no user: see test_invitations
    [email] = await _requested(settings)
    assert email["template"] == "invitation" and email["language"] == "en"
    await eventually(lambda: _has_subject(settings, "invitation"), within=10, what="the invitation sent")
    assert (await _subjects(settings))["invitation"] == 'Invitation to the cabinet "Acme"'


async def _has_subject(settings, template: str) -> bool:
    return template in await _subjects(settings)


async def test_an_unknown_language_is_refused_and_nobody_is_invited(web, settings):
    cabinet = (await web.post("/api/v1/cabinets", json={"name": "Acme"}, headers=AUTH)).json()
    body = {"email": "pierre@example.com", "role": "manager", "language": "fr"}
    refused = await web.post(f"/api/v1/cabinets/{cabinet['id']}/members/invite", json=body, headers=AUTH)
    assert refused.status_code == 422
    assert refused.json()["type"] == "/problems/invalid-language"
    assert refused.json()["errors"] == [
        {"field": "language", "message": "'fr' is not a language GiftHub writes in; use one of: ru, en"}
    ]
    members = await web.get(f"/api/v1/cabinets/{cabinet['id']}/members", headers=AUTH)
    assert members.json()["items"] == [] and await _requested(settings) == []


async def test_the_profile_language_decides_later_emails(web, settings):
    created = await create_user(web, "boris@example.com")
    assert created["language"] == "ru"
    headers = await sign_in(web, "boris@example.com")
    nothing = await web.patch("/api/v1/auth/me", json={}, headers=headers)
    assert nothing.status_code == 422 and nothing.json()["errors"][0]["field"] == "body"
    changed = await web.patch("/api/v1/auth/me", json={"language": "en"}, headers=headers)
    assert changed.status_code == 200 and changed.json()["language"] == "en"
    assert changed.json()["time_zone"] == "Europe/Moscow"  # untouched when not sent

    await web.post("/api/v1/auth/password-reset", json={"email": "boris@example.com"})
    [email] = [e for e in await _requested(settings) if e["template"] == "password_reset"]
    assert email["language"] == "en"
    await eventually(lambda: _has_subject(settings, "password_reset"), within=10, what="the reset email sent")
    assert (await _subjects(settings))["password_reset"] == "Password reset"
