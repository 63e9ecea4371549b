"""The authorization matrix: every route of the app x every role x own vs foreign cabinet/project.

Routes are discovered from the app itself, so a new route without a decision in decisions.py fails here.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from tests.authz.decisions import (
    CLIENT_ROLES,
    DECISIONS,
    PUBLIC_PREFIXES,
    PUBLIC_ROUTES,
    ROLES,
    STAFF_ROLES,
    Decision,
    Outcome,
)
from tests.conftest import AUTH
from tests.support.identity import PASSWORD, add_member, anonymous_client, create_user, sign_in

IGNORED_METHODS = {"OPTIONS", "HEAD"}
_PARAM = re.compile(r"\{(\w+)(?::\w+)?\}")


def discovered_routes(app) -> set[tuple[str, str]]:
    found = set()
    for route in app.routes:
        for method in getattr(route, "methods", ()):
            if method not in IGNORED_METHODS:
                found.add((method, route.path))
    return found


def is_public(method: str, path: str) -> bool:
    return (method, path) in PUBLIC_ROUTES or path.startswith(PUBLIC_PREFIXES)


def expected(decision: Decision, role: str, scope: str, public: bool) -> Outcome:
    if role == "anonymous":
        return decision.outcomes["owner"] if public else Outcome.ANON
    if scope == "foreign" and role in CLIENT_ROLES:
        return Outcome.HIDDEN
    return decision.outcomes[role]


def classify(status: int) -> str:
    if 200 <= status < 300:
        return Outcome.ALLOW
    if status in (400, 409, 410, 422):
        return Outcome.INVALID
    return {403: Outcome.DENY, 404: Outcome.HIDDEN, 401: Outcome.ANON}.get(status, f"status {status}")


@dataclass
class World:
    password: str = PASSWORD
    spare_email: str = "spare@example.com"
    own: dict[str, str] = field(default_factory=dict)
    foreign: dict[str, str] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)
    credentials: dict[str, dict[str, str]] = field(default_factory=dict)
    spare_id: str = ""
    _counter: itertools.count = field(default_factory=itertools.count)

    def unique(self, prefix: str) -> str:
        return f"{prefix}-{next(self._counter)}"


async def _ok(answer, status: int = 201) -> dict:
    assert answer.status_code == status, answer.text
    return answer.json()


async def _tenant(client, world: World, name: str) -> dict[str, str]:
    cabinet = await _ok(await client.post("/api/v1/cabinets", json={"name": name}, headers=AUTH))
    url = f"/api/v1/cabinets/{cabinet['id']}/projects"
    project = await _ok(await client.post(url, json={"name": name, "region": "RU"}, headers=AUTH))
    pid = project["id"]
    money = {"amount": "100000.00", "currency": "RUB", "reference": {"kind": "payment", "value": world.unique("p")}}
    await _ok(await client.post(f"/api/v1/projects/{pid}/top-ups", json=money, headers=AUTH))
    hold = {"amount": "10000.00", "currency": "RUB", "reference": {"kind": "order", "value": world.unique("o")}}
    held = await _ok(await client.post(f"/api/v1/projects/{pid}/holds", json=hold, headers=AUTH))
    await add_member(client, cabinet["id"], world.spare_email, "operator")
    return {
        "cabinet_id": cabinet["id"],
        "project_id": pid,
        "hold_id": held["hold"]["id"],
        "b2b_code": project["b2b_code"],
    }


async def _issue_api_key(client, world: World) -> None:
    issued = await _ok(await client.post(f"/api/v1/projects/{world.own['project_id']}/api-key", headers=AUTH))
    world.credentials["api_client"] = {"Authorization": f"Bearer {issued['bearer']}"}


async def build_world(client) -> World:
    world = World()
    spare = await create_user(client, world.spare_email)
    own = await _tenant(client, world, "Own")
    foreign = await _tenant(client, world, "Foreign")
    world.spare_id = spare["id"]
    world.own = {**own, "user_id": spare["id"]}
    world.foreign = {**foreign, "user_id": spare["id"]}
    grants = {"operator": [own["project_id"]], "accountant": [own["project_id"]]}
    for role in CLIENT_ROLES:
        if role == "api_client":
            continue
        email = world.emails[role] = f"{role.replace('_', '.')}@example.com"
        await create_user(client, email)
        await add_member(client, own["cabinet_id"], email, role.removesuffix("_no_grant"), grants.get(role, []))
    for role in STAFF_ROLES:
        email = world.emails[role] = f"{role.replace('_', '.')}@gifthub.example"
        await create_user(client, email, staff_role=role)
    for role, email in world.emails.items():
        world.credentials[role] = await sign_in(client, email)
    await _issue_api_key(client, world)
    await _ok(await client.post(f"/api/v1/projects/{foreign['project_id']}/api-key", headers=AUTH))
    world.credentials["anonymous"] = {}
    return world


async def _spare_member(client, world: World) -> None:
    for tenant in (world.own, world.foreign):
        await add_member(client, tenant["cabinet_id"], world.spare_email, "operator")


async def _fresh_user(client, world: World) -> None:
    """A throwaway user for DELETE /users/{user_id}: the spare stays intact."""
    user = await create_user(client, world.unique("victim") + "@example.com")
    world.own["user_id"] = world.foreign["user_id"] = user["id"]


PREPARE = {"spare_member": _spare_member, "fresh_user": _fresh_user}


def _url(path: str, values: dict[str, str]) -> str:
    return _PARAM.sub(lambda m: values[m.group(1)], path)


async def test_every_route_has_a_decision_and_every_decision_a_route(settings, clock):
    async with anonymous_client(settings, clock) as client:
        routes = discovered_routes(client.app)
    undecided = sorted(r for r in routes if r not in DECISIONS and not is_public(*r))
    stale = sorted(r for r in DECISIONS if r not in routes)
    assert not undecided, f"routes with no authorization decision (add them to tests/authz/decisions.py): {undecided}"
    assert not stale, f"decisions for routes that no longer exist: {stale}"
    public = sorted(r for r in routes if is_public(*r))
    assert ("POST", "/api/v1/auth/sign-in") in public and ("GET", "/healthz") in public
    assert all(r in PUBLIC_ROUTES or r[1].startswith("/schema") for r in public)


async def test_the_authorization_matrix(settings, clock):
    mismatches: list[str] = []
    checked = 0
    async with anonymous_client(settings, clock) as client:
        world = await build_world(client)
        for (method, path), decision in sorted(DECISIONS.items()):
            public = is_public(method, path)
            scopes = ("own", "foreign") if decision.scope != "none" else ("own",)
            for scope, role in itertools.product(scopes, ROLES):
                world.own["user_id"] = world.foreign["user_id"] = world.spare_id
                if decision.prepare:
                    await PREPARE[decision.prepare](client, world)
                values = world.own if scope == "own" else world.foreign
                body = decision.body(world) if decision.body else None
                params = decision.query(world, values) if decision.query else None
                answer = await client.request(
                    method, _url(path, values), json=body, params=params, headers=world.credentials[role]
                )
                client.cookies.clear()
                want, got = expected(decision, role, scope, public), classify(answer.status_code)
                checked += 1
                if got != want:
                    mismatches.append(
                        f"{method} {path} as {role} ({scope}): expected {want}, got {got} {answer.text[:120]}"
                    )
                if decision.ends_sessions and role in world.emails and got == Outcome.ALLOW:
                    world.credentials[role] = await sign_in(client, world.emails[role])
                if decision.changes_api_key:
                    await _issue_api_key(client, world)
    print(f"authorization matrix: {len(DECISIONS)} routes, {len(ROLES)} roles, {checked} requests checked")
    assert not mismatches, "\n".join(mismatches)
    assert checked >= len(DECISIONS) * len(ROLES)
