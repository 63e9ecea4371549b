"""The authorization matrix: every route of the app x every role x own vs foreign cabinet/project.

Routes are discovered from the app itself, so a new route without a decision in decisions.py fails here.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from uuid import uuid4

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
from tests.support.billing import ru_seller_data
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
    known = {403: Outcome.DENY, 404: Outcome.HIDDEN, 401: Outcome.ANON, 503: Outcome.UNAVAILABLE}
    return known.get(status, f"status {status}")


@dataclass
class World:
    password: str = PASSWORD
    spare_email: str = "spare@example.com"
    own: dict[str, str] = field(default_factory=dict)
    foreign: dict[str, str] = field(default_factory=dict)
    emails: dict[str, str] = field(default_factory=dict)
    credentials: dict[str, dict[str, str]] = field(default_factory=dict)
    spare_id: str = ""
    seller_id: str = ""
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
    order = await _ok(await client.post(f"/api/v1/projects/{pid}/orders", json={}, headers=AUTH))
    buyer = {"name": "ООО «Ромашка»", "inn": "7707083893"}
    invoice_body = {"amount": "1000.00", "currency": "RUB", "buyer": buyer}
    invoice = await _ok(await client.post(f"/api/v1/projects/{pid}/invoices", json=invoice_body, headers=AUTH))
    company_body = {"country": "KZ", "tax_id": "090840000906", "name": f"ТОО {name}"}
    companies = f"/api/v1/cabinets/{cabinet['id']}/companies"
    registered = await client.post(companies, json=company_body, headers=AUTH)
    company = await _ok(registered, 201 if registered.status_code == 201 else 200)
    return {
        "cabinet_id": cabinet["id"],
        "project_id": pid,
        "hold_id": held["hold"]["id"],
        "b2b_code": project["b2b_code"],
        "order_id": order["id"],
        "invoice_id": invoice["id"],
        "company_id": company["company"]["id"],
        # No certificate, payment or notification exists in this world: a random id answers 404 past the
        # authorization check (403 before it), which is what the matrix tells apart.
        "certificate_id": str(uuid4()),
        "payment_id": str(uuid4()),
        "export_id": str(uuid4()),
        "notification_id": str(uuid4()),
        "seller_id": world.seller_id,
        "bic": "044525225",
        "name": "nothing.eml",
        "product_id": "no-such-product",
    }


async def _seller(client, world: World) -> None:
    seller = await _ok(await client.post("/api/v1/platform/sellers", json=ru_seller_data(), headers=AUTH))
    world.seller_id = seller["id"]


async def _issue_api_key(client, world: World) -> None:
    issued = await _ok(await client.post(f"/api/v1/projects/{world.own['project_id']}/api-key", headers=AUTH))
    world.credentials["api_client"] = {"Authorization": f"Bearer {issued['bearer']}"}


async def build_world(client) -> World:
    world = World()
    spare = await create_user(client, world.spare_email)
    await _seller(client, world)
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


async def _fresh_order(client, world: World) -> None:
    """DELETE and cancel end a draft: each request gets a new one, and the next routes a live draft."""
    for tenant in (world.own, world.foreign):
        url = f"/api/v1/projects/{tenant['project_id']}/orders"
        tenant["order_id"] = (await _ok(await client.post(url, json={}, headers=AUTH)))["id"]


async def _fresh_invoice(client, world: World) -> None:
    body = {"amount": "1000.00", "currency": "RUB", "buyer": {"name": "ООО «Ромашка»", "inn": "7707083893"}}
    for tenant in (world.own, world.foreign):
        url = f"/api/v1/projects/{tenant['project_id']}/invoices"
        tenant["invoice_id"] = (await _ok(await client.post(url, json=body, headers=AUTH)))["id"]


PREPARE = {
    "spare_member": _spare_member,
    "fresh_user": _fresh_user,
    "fresh_order": _fresh_order,
    "fresh_invoice": _fresh_invoice,
}


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
