"""THE authorization decision table: one entry per route of the app, keyed by (method, path) exactly as
Litestar lists it in ``app.routes``. A route without an entry fails tests/authz/test_matrix.py.

Capabilities register their routes here: add a ``Decision`` with the outcome per role for the caller's
OWN cabinet/project, the scope that decides "foreign" (cabinet / project / none) and a request that
passes validation (so ALLOW can be told apart from 403/404). Path parameters are filled from the
world in test_matrix.py (``{cabinet_id}``, ``{project_id}``, ``{hold_id}``, ``{user_id}``); add yours there.

Roles: owner, manager, operator (granted the project), operator_no_grant, accountant (granted),
accountant_no_grant, api_client (the project's B2B key), platform_admin, platform_support, anonymous.
Foreign cabinet/project: every client role gets HIDDEN (404, no existence leak); staff get their own
outcome; anonymous gets 401.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    ALLOW = "allow"  # 2xx
    DENY = "deny"  # 403
    HIDDEN = "hidden"  # 404
    ANON = "anon"  # 401
    INVALID = "invalid"  # 400/409/410/422: past authorization, refused by validation (e.g. a wrong TOTP)


ALLOW, DENY, HIDDEN, INVALID = Outcome.ALLOW, Outcome.DENY, Outcome.HIDDEN, Outcome.INVALID

CLIENT_ROLES = (
    "owner",
    "manager",
    "operator",
    "operator_no_grant",
    "accountant",
    "accountant_no_grant",
    "api_client",
)
STAFF_ROLES = ("platform_admin", "platform_support")
ROLES = (*CLIENT_ROLES, *STAFF_ROLES, "anonymous")

# The only routes an anonymous caller may use. Everything else must answer 401 without credentials.
PUBLIC_ROUTES = frozenset(
    {
        ("GET", "/healthz"),
        ("GET", "/readyz"),
        ("POST", "/api/v1/auth/sign-in"),
        ("POST", "/api/v1/auth/invitations/accept"),
        ("POST", "/api/v1/auth/password-reset"),
        ("POST", "/api/v1/auth/password-reset/confirm"),
        ("POST", "/api/v1/auth/register"),
    }
)
PUBLIC_PREFIXES = ("/schema",)  # the OpenAPI document and its renderers

Body = Callable[[Any], dict] | None


@dataclass(frozen=True)
class Decision:
    outcomes: dict[str, Outcome]
    scope: str = "none"  # "cabinet" | "project" | "none": what "foreign" swaps
    body: Body = None
    query: Callable[[Any, dict], dict] | None = None  # query parameters, from the world and the scope's ids
    prepare: str | None = None  # a named hook in test_matrix.py run before each request
    ends_sessions: bool = False  # sign the users in again afterwards
    changes_api_key: bool = False  # issue the API client's key again afterwards
    notes: str = field(default="", compare=False)


def roles(default: Outcome, **overrides: Outcome) -> dict[str, Outcome]:
    table = {role: default for role in ROLES if role != "anonymous"}
    table.update(overrides)
    return table


def _ref(world, kind: str = "order") -> dict:
    return {"kind": kind, "value": world.unique("ref")}


# Who sees a project: owners/managers all of the cabinet's, operators/accountants only granted ones.
_PROJECT_READ = roles(ALLOW, operator_no_grant=HIDDEN, accountant_no_grant=HIDDEN)
_PLATFORM_ADMIN_ONLY_ON_PROJECT = roles(
    DENY, operator_no_grant=HIDDEN, accountant_no_grant=HIDDEN, platform_admin=ALLOW
)
_SPEND = roles(
    DENY,
    owner=ALLOW,
    operator=ALLOW,
    api_client=ALLOW,
    platform_admin=ALLOW,
    operator_no_grant=HIDDEN,
    accountant_no_grant=HIDDEN,
)
_MANAGE_PROJECT = roles(DENY, owner=ALLOW, platform_admin=ALLOW, operator_no_grant=HIDDEN, accountant_no_grant=HIDDEN)
_READ_PROJECT_ADMIN = roles(
    DENY,
    owner=ALLOW,
    manager=ALLOW,
    platform_admin=ALLOW,
    platform_support=ALLOW,
    operator_no_grant=HIDDEN,
    accountant_no_grant=HIDDEN,
)
_MANAGE_CABINET = roles(DENY, owner=ALLOW, platform_admin=ALLOW)
_READ_CABINET_ADMIN = roles(DENY, owner=ALLOW, manager=ALLOW, platform_admin=ALLOW, platform_support=ALLOW)
_PLATFORM_ADMIN_ONLY = roles(DENY, platform_admin=ALLOW)
_AUDIT = roles(DENY, owner=ALLOW, platform_admin=ALLOW, platform_support=ALLOW)

P = "/api/v1/projects/{project_id:uuid}"
C = "/api/v1/cabinets/{cabinet_id:uuid}"

DECISIONS: dict[tuple[str, str], Decision] = {
    # --- public ----------------------------------------------------------------------------------
    ("POST", "/api/v1/auth/sign-in"): Decision(
        roles(ALLOW), body=lambda w: {"email": w.spare_email, "password": w.password}
    ),
    ("POST", "/api/v1/auth/invitations/accept"): Decision(
        roles(INVALID), body=lambda w: {"token": "not-a-token", "password": w.password}, notes="410 for a bad token"
    ),
    ("POST", "/api/v1/auth/password-reset"): Decision(roles(ALLOW), body=lambda w: {"email": w.unique("r") + "@x.io"}),
    ("POST", "/api/v1/auth/password-reset/confirm"): Decision(
        roles(INVALID), body=lambda w: {"token": "not-a-token", "password": w.password}
    ),
    ("POST", "/api/v1/auth/register"): Decision(
        roles(ALLOW), body=lambda w: {"email": w.unique("new") + "@example.com", "password": w.password}
    ),
    # --- cabinets --------------------------------------------------------------------------------
    ("POST", "/api/v1/cabinets"): Decision(_PLATFORM_ADMIN_ONLY, body=lambda w: {"name": w.unique("Cabinet")}),
    ("GET", "/api/v1/cabinets"): Decision(roles(ALLOW)),
    ("GET", C): Decision(roles(ALLOW), scope="cabinet"),
    ("POST", f"{C}/projects"): Decision(
        _MANAGE_CABINET, scope="cabinet", body=lambda w: {"name": w.unique("Project"), "region": "RU"}
    ),
    # --- projects and the ledger -----------------------------------------------------------------
    ("GET", "/api/v1/projects"): Decision(roles(ALLOW)),
    ("GET", P): Decision(_PROJECT_READ, scope="project"),
    ("GET", f"{P}/balance"): Decision(_PROJECT_READ, scope="project"),
    ("GET", f"{P}/ledger"): Decision(_PROJECT_READ, scope="project"),
    ("GET", f"{P}/holds/{{hold_id:uuid}}"): Decision(_PROJECT_READ, scope="project"),
    ("PUT", f"{P}/negative-limit"): Decision(
        _PLATFORM_ADMIN_ONLY_ON_PROJECT,
        scope="project",
        body=lambda w: {"amount": "100.00", "currency": "RUB"},
        notes="only platform staff (administrators) change the negative-balance limit",
    ),
    ("POST", f"{P}/top-ups"): Decision(
        _PLATFORM_ADMIN_ONLY_ON_PROJECT,
        scope="project",
        body=lambda w: {"amount": "1.00", "currency": "RUB", "reference": _ref(w, "payment")},
    ),
    ("POST", f"{P}/adjustments"): Decision(
        _PLATFORM_ADMIN_ONLY_ON_PROJECT,
        scope="project",
        body=lambda w: {"amount": "1.00", "currency": "RUB", "reference": _ref(w, "manual"), "comment": "matrix"},
    ),
    ("POST", f"{P}/holds"): Decision(
        _SPEND, scope="project", body=lambda w: {"amount": "1.00", "currency": "RUB", "reference": _ref(w)}
    ),
    ("POST", f"{P}/holds/{{hold_id:uuid}}/capture"): Decision(
        _SPEND,
        scope="project",
        body=lambda w: {"amount": "0.01", "currency": "RUB", "reference": _ref(w, "certificate")},
    ),
    ("POST", f"{P}/holds/{{hold_id:uuid}}/release"): Decision(
        _SPEND, scope="project", body=lambda w: {"amount": "0.01", "currency": "RUB", "reference": _ref(w)}
    ),
    # --- identity --------------------------------------------------------------------------------
    ("POST", "/api/v1/auth/sign-out"): Decision(roles(ALLOW), ends_sessions=True),
    ("POST", "/api/v1/auth/sign-out-everywhere"): Decision(roles(ALLOW, api_client=DENY), ends_sessions=True),
    ("GET", "/api/v1/auth/me"): Decision(roles(ALLOW)),
    ("PATCH", "/api/v1/auth/me"): Decision(
        roles(ALLOW, api_client=DENY), body=lambda w: {"time_zone": "Europe/Moscow"}
    ),
    ("DELETE", "/api/v1/users/{user_id:uuid}"): Decision(_PLATFORM_ADMIN_ONLY, prepare="fresh_user"),
    ("POST", "/api/v1/users"): Decision(
        _PLATFORM_ADMIN_ONLY, body=lambda w: {"email": w.unique("user") + "@example.com", "password": w.password}
    ),
    ("GET", f"{C}/members"): Decision(_READ_CABINET_ADMIN, scope="cabinet"),
    ("POST", f"{C}/members"): Decision(
        _MANAGE_CABINET, scope="cabinet", body=lambda w: {"email": w.spare_email, "role": "operator"}
    ),
    ("GET", f"{C}/security-policy"): Decision(_READ_CABINET_ADMIN, scope="cabinet"),
    ("PUT", f"{C}/security-policy"): Decision(
        _MANAGE_CABINET, scope="cabinet", body=lambda w: {"require_two_factor": False, "allowed_networks": []}
    ),
    ("POST", f"{C}/members/invite"): Decision(
        _MANAGE_CABINET, scope="cabinet", body=lambda w: {"email": w.unique("inv") + "@example.com", "role": "manager"}
    ),
    ("GET", "/api/v1/users"): Decision(roles(DENY, platform_admin=ALLOW, platform_support=ALLOW)),
    ("PUT", "/api/v1/users/{user_id:uuid}/status"): Decision(_PLATFORM_ADMIN_ONLY, body=lambda w: {"status": "active"}),
    ("DELETE", f"{C}/members/{{user_id:uuid}}"): Decision(_MANAGE_CABINET, scope="cabinet", prepare="spare_member"),
    ("POST", f"{P}/api-key"): Decision(_MANAGE_PROJECT, scope="project", changes_api_key=True),
    ("GET", f"{P}/api-key"): Decision(_READ_PROJECT_ADMIN, scope="project"),
    ("DELETE", f"{P}/api-key"): Decision(_MANAGE_PROJECT, scope="project", changes_api_key=True),
    ("POST", "/api/v1/auth/2fa/setup"): Decision(roles(ALLOW, api_client=DENY)),
    ("POST", "/api/v1/auth/2fa/enable"): Decision(
        roles(INVALID, api_client=DENY), body=lambda w: {"code": "000000"}, notes="a wrong code: 422, nothing enabled"
    ),
    ("POST", "/api/v1/auth/step-up"): Decision(
        roles(INVALID, api_client=DENY), body=lambda w: {"code": "000000"}, notes="2FA is off: 422"
    ),
    ("POST", "/api/v1/users/{user_id:uuid}/impersonate"): Decision(
        roles(DENY, platform_admin=ALLOW, platform_support=ALLOW)
    ),
    ("POST", "/api/v1/users/{user_id:uuid}/2fa/reset"): Decision(_PLATFORM_ADMIN_ONLY),
    # Own: ?cabinet_id= of the caller's cabinet (foreign: another's); staff may also omit it.
    ("GET", "/api/v1/audit"): Decision(
        _AUDIT, scope="cabinet", query=lambda w, values: {"cabinet_id": values["cabinet_id"]}
    ),
    ("GET", "/api/v1/audit/export.csv"): Decision(
        _AUDIT, scope="cabinet", query=lambda w, values: {"cabinet_id": values["cabinet_id"]}
    ),
    ("POST", "/api/v1/api-keys/check"): Decision(
        roles(ALLOW), body=lambda w: {"b2b_code": w.own["b2b_code"], "secret": "not the secret"}
    ),
}
