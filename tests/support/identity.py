"""Helpers for identity tests: a cheap argon2 hasher through the container, an anonymous HTTPS client,
users and browser sign-in headers."""

from __future__ import annotations

from contextlib import asynccontextmanager

from dishka import Provider, Scope, provide
from litestar.testing import AsyncTestClient

from gifthub.adapters.auth.argon2_hasher import Argon2PasswordHasher
from gifthub.application.ports.password_hasher import PasswordHasher
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider

PASSWORD = "correct horse battery"
BASE_URL = "https://testserver.local"  # the session cookie is Secure


class _HasherProvider(Provider):
    def __init__(self, hasher: PasswordHasher) -> None:
        super().__init__(scope=Scope.APP)
        self._hasher = hasher

    @provide
    def hasher(self) -> PasswordHasher:
        return self._hasher


def cheap_hasher(time_cost: int = 1) -> Argon2PasswordHasher:
    return Argon2PasswordHasher(time_cost=time_cost, memory_cost=8192, parallelism=1)


def hasher_provider(hasher: PasswordHasher | None = None) -> Provider:
    """Tests override the hasher through the container (fewer rounds), never by patching."""
    return _HasherProvider(hasher or cheap_hasher())


@asynccontextmanager
async def anonymous_client(settings, clock, hasher: PasswordHasher | None = None):
    container = make_container(settings, *http_providers(), clock_provider(clock), hasher_provider(hasher))
    app = create_app(settings, container)
    async with AsyncTestClient(app=app, base_url=BASE_URL) as client:
        yield client


async def create_user(client, email: str, password: str = PASSWORD, staff_role: str | None = None) -> dict:
    body = {"email": email, "password": password}
    if staff_role:
        body["staff_role"] = staff_role
    answer = await client.post("/api/v1/users", json=body, headers=AUTH)
    assert answer.status_code == 201, answer.text
    return answer.json()


async def add_member(client, cabinet_id: str, email: str, role: str, project_ids: list[str] = ()) -> dict:
    answer = await client.post(
        f"/api/v1/cabinets/{cabinet_id}/members",
        json={"email": email, "role": role, "project_ids": list(project_ids)},
        headers=AUTH,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


async def sign_in(client, email: str, password: str = PASSWORD) -> dict[str, str]:
    """Headers a browser would send: the session cookie and the CSRF token echoed in X-CSRF-Token."""
    answer = await client.post("/api/v1/auth/sign-in", json={"email": email, "password": password})
    assert answer.status_code == 200, answer.text
    session = answer.cookies["gifthub_session"]
    csrf = answer.json()["csrf_token"]
    assert answer.cookies["gifthub_csrf"] == csrf
    client.cookies.clear()  # each caller passes its own cookie explicitly
    return {"Cookie": f"gifthub_session={session}", "X-CSRF-Token": csrf}


def totp(secret: str, clock) -> str:
    import pyotp

    return pyotp.TOTP(secret).at(clock.now())


async def enable_two_factor(client, headers: dict[str, str], clock) -> str:
    """Turns TOTP on for the signed-in person; returns the seed (the authenticator app's copy)."""
    from urllib.parse import parse_qs, urlparse

    setup = await client.post("/api/v1/auth/2fa/setup", headers=headers)
    assert setup.status_code == 200, setup.text
    secret = parse_qs(urlparse(setup.json()["provisioning_uri"]).query)["secret"][0]
    enabled = await client.post("/api/v1/auth/2fa/enable", json={"code": totp(secret, clock)}, headers=headers)
    assert enabled.status_code == 200, enabled.text
    return secret


async def step_up(client, headers: dict[str, str], secret: str, clock) -> None:
    """A fresh code confirms this session; the clock moves to the next 30-second step first, since the
    code just used (at enabling or an earlier step-up) is refused as a replay."""
    clock.advance(seconds=30)
    answer = await client.post("/api/v1/auth/step-up", json={"code": totp(secret, clock)}, headers=headers)
    assert answer.status_code == 204, answer.text
