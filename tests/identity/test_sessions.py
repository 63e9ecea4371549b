"""Users, sign-in, browser sessions, CSRF, timeouts and sign-out, through the HTTP app."""

from __future__ import annotations

from tests.conftest import AUTH
from tests.support.identity import PASSWORD, add_member, create_user, sign_in


async def _owner(web) -> tuple[dict, dict[str, str]]:
    cabinet = (await web.post("/api/v1/cabinets", json={"name": "Acme"}, headers=AUTH)).json()
    await create_user(web, "  Anna@Пример.РФ ")
    await add_member(web, cabinet["id"], "anna@xn--e1afmkfd.xn--p1ai", "owner")
    return cabinet, await sign_in(web, "ANNA@пример.рф")


async def test_email_is_normalized_and_unique(web):
    user = await create_user(web, "  Boss@Example.COM ")
    assert user["email"] == "boss@example.com"
    again = await web.post("/api/v1/users", json={"email": "boss@EXAMPLE.com", "password": PASSWORD}, headers=AUTH)
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/email-taken"


async def test_malformed_email_and_weak_passwords_are_refused_with_the_rule(web):
    bad_email = await web.post("/api/v1/users", json={"email": "not-an-email", "password": PASSWORD}, headers=AUTH)
    assert bad_email.status_code == 422
    assert bad_email.json()["errors"][0]["field"] == "email"
    for weak in ("short", "password1234", "aaaaaaaaaaaaaaaa", "x-lena.k-2026-x"):
        answer = await web.post("/api/v1/users", json={"email": "lena.k@example.com", "password": weak}, headers=AUTH)
        assert answer.status_code == 422, weak
        assert answer.json()["type"] == "/problems/weak-password"
        assert "12 characters" in answer.json()["detail"]
        assert weak not in answer.text  # the password never comes back
    assert (
        await web.post("/api/v1/auth/sign-in", json={"email": "lena.k@example.com", "password": "x"})
    ).status_code == 401


async def test_sign_in_sets_secure_http_only_cookies_and_me_shows_the_roles(web):
    cabinet, headers = await _owner(web)
    me = await web.get("/api/v1/auth/me", headers={"Cookie": headers["Cookie"]})
    assert me.status_code == 200, me.text
    assert me.json()["memberships"] == [{"cabinet_id": cabinet["id"], "role": "owner"}]
    assert me.json()["user"]["email"] == "anna@xn--e1afmkfd.xn--p1ai"

    answer = await web.post("/api/v1/auth/sign-in", json={"email": "anna@пример.рф", "password": PASSWORD})
    web.cookies.clear()
    set_cookie = [v for k, v in answer.headers.multi_items() if k == "set-cookie"]
    session = next(c for c in set_cookie if c.startswith("gifthub_session="))
    assert "HttpOnly" in session and "Secure" in session and "SameSite=lax" in session
    csrf = next(c for c in set_cookie if c.startswith("gifthub_csrf="))
    assert "HttpOnly" not in csrf


async def test_unknown_email_and_wrong_password_get_the_same_answer(web):
    await _owner(web)
    unknown = await web.post("/api/v1/auth/sign-in", json={"email": "nobody@example.com", "password": PASSWORD})
    wrong = await web.post("/api/v1/auth/sign-in", json={"email": "anna@пример.рф", "password": "wrong password!"})
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json()["detail"] == wrong.json()["detail"]
    assert "gifthub_session" not in unknown.cookies


async def test_a_state_changing_cookie_request_needs_the_csrf_token(web):
    cabinet, headers = await _owner(web)
    body = {"name": "Gifts", "region": "RU"}
    url = f"/api/v1/cabinets/{cabinet['id']}/projects"
    missing = await web.post(url, json=body, headers={"Cookie": headers["Cookie"]})
    forged = await web.post(url, json=body, headers={**headers, "X-CSRF-Token": "forged"})
    assert missing.status_code == forged.status_code == 403
    assert missing.json()["type"] == "/problems/csrf-failed"
    projects = await web.get(f"/api/v1/projects?cabinet_id={cabinet['id']}", headers=headers)
    assert projects.json()["items"] == []  # nothing changed
    assert (await web.post(url, json=body, headers=headers)).status_code == 201


async def test_idle_and_absolute_timeouts(web, clock):
    _, headers = await _owner(web)
    me = {"Cookie": headers["Cookie"]}
    clock.advance(minutes=29)
    assert (await web.get("/api/v1/auth/me", headers=me)).status_code == 200  # slides the idle window
    clock.advance(minutes=29)
    assert (await web.get("/api/v1/auth/me", headers=me)).status_code == 200
    clock.advance(minutes=31)
    assert (await web.get("/api/v1/auth/me", headers=me)).status_code == 401

    fresh = {"Cookie": (await sign_in(web, "anna@пример.рф"))["Cookie"]}
    for _ in range(25):  # active all day: the absolute timeout (12 h) still ends it
        clock.advance(minutes=29)
        if (await web.get("/api/v1/auth/me", headers=fresh)).status_code != 200:
            break
    assert (await web.get("/api/v1/auth/me", headers=fresh)).status_code == 401


async def test_sign_out_and_sign_out_everywhere(web):
    _, first = await _owner(web)
    second = await sign_in(web, "anna@пример.рф")
    third = await sign_in(web, "anna@пример.рф")
    answer = await web.post("/api/v1/auth/sign-out", headers=first)
    assert answer.status_code == 200
    web.cookies.clear()
    assert (await web.get("/api/v1/auth/me", headers=first)).status_code == 401
    assert (await web.get("/api/v1/auth/me", headers=second)).status_code == 200
    everywhere = await web.post("/api/v1/auth/sign-out-everywhere", headers=second)
    assert everywhere.json()["sessions_ended"] == 2
    web.cookies.clear()
    assert (await web.get("/api/v1/auth/me", headers=second)).status_code == 401
    assert (await web.get("/api/v1/auth/me", headers=third)).status_code == 401


async def test_a_deactivated_style_unknown_cookie_and_a_bad_bearer_are_unauthenticated(web):
    assert (await web.get("/api/v1/auth/me", headers={"Cookie": "gifthub_session=forged"})).status_code == 401
    assert (await web.get("/api/v1/auth/me", headers={"Authorization": "Bearer nope"})).status_code == 401
    assert (await web.get("/api/v1/auth/me")).status_code == 401
