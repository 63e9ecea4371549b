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
    UNAVAILABLE = "unavailable"  # 503: past authorization, an outside system (Giftery) is not there


ALLOW, DENY, HIDDEN, INVALID = Outcome.ALLOW, Outcome.DENY, Outcome.HIDDEN, Outcome.INVALID
UNAVAILABLE = Outcome.UNAVAILABLE

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
        ("GET", "/problems"),
        ("GET", "/problems/{code:str}"),
        ("POST", "/api/v1/auth/sign-in"),
        ("POST", "/api/v1/auth/invitations/accept"),
        ("POST", "/api/v1/auth/password-reset"),
        ("POST", "/api/v1/auth/password-reset/confirm"),
        ("POST", "/api/v1/auth/register"),
        # The developer mailbox (``make run``): public when the mailbox transport is on, 404 otherwise; it
        # is never on in a deployment (settings refuse it there) and the matrix sees it off.
        ("GET", "/dev/mailbox"),
        ("GET", "/dev/mailbox/{name:str}"),
        # The web cabinet's static bundle: the page and its assets hold no data; every call it makes is an API
        # call decided like any other client's.
        ("GET", "/"),
        ("GET", "/{path:path}"),
        ("GET", "/assets/{file_path:path}"),
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

_READ_FINANCE = roles(ALLOW, operator=DENY, operator_no_grant=HIDDEN, accountant_no_grant=HIDDEN)
_MANAGE_FINANCE = roles(
    DENY, owner=ALLOW, accountant=ALLOW, platform_admin=ALLOW, operator_no_grant=HIDDEN, accountant_no_grant=HIDDEN
)
_READ_ORDERS = roles(ALLOW, operator_no_grant=HIDDEN, accountant_no_grant=HIDDEN)
_PLATFORM_STAFF = roles(DENY, platform_admin=ALLOW, platform_support=ALLOW)
# Companies belong to the cabinet, not to a project: accountants read them whatever their project grants.
_READ_COMPANIES = roles(
    DENY,
    owner=ALLOW,
    manager=ALLOW,
    accountant=ALLOW,
    accountant_no_grant=ALLOW,
    platform_admin=ALLOW,
    platform_support=ALLOW,
)


_INBOX = roles(ALLOW, api_client=DENY, platform_admin=DENY, platform_support=DENY)


def _as_project(world, values: dict) -> dict:
    return {"project_id": values["project_id"]}


def _with(table: dict[str, Outcome], **overrides: Outcome) -> dict[str, Outcome]:
    return {**table, **overrides}


def _past_auth(table: dict[str, Outcome], outcome: Outcome) -> dict[str, Outcome]:
    """Who gets past authorization meets ``outcome`` (a missing thing, a refused draft): 403 stays 403."""
    return {role: outcome if o is ALLOW else o for role, o in table.items()}


P = "/api/v1/projects/{project_id:uuid}"
ORD = "/api/v1/projects/{project_id:uuid}/orders/{order_id:uuid}"
INV = "/api/v1/invoices/{invoice_id:uuid}"
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
        _MANAGE_CABINET,
        scope="cabinet",
        body=lambda w: {"email": w.spare_email, "role": "operator"},
        prepare="spare_member",
        notes="changes a member's role; someone not yet a member is invited instead (404 for an owner)",
    ),
    ("GET", f"{C}/members/invitations"): Decision(_READ_CABINET_ADMIN, scope="cabinet"),
    ("GET", "/api/v1/auth/me/invitations"): Decision(roles(ALLOW, api_client=DENY)),
    ("POST", "/api/v1/auth/me/invitations/{cabinet_id:uuid}/accept"): Decision(
        roles(HIDDEN, api_client=DENY), notes="nobody in the world is invited: 404 past authorization"
    ),
    ("POST", "/api/v1/auth/me/invitations/{cabinet_id:uuid}/decline"): Decision(
        roles(HIDDEN, api_client=DENY), notes="nobody in the world is invited: 404 past authorization"
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
    # --- orders (scope: the project) --------------------------------------------------------------
    # Manager and accountant read orders (reports); creating, editing and submitting is _SPEND.
    ("GET", f"{P}/orders"): Decision(_READ_ORDERS, scope="project"),
    ("GET", ORD): Decision(_READ_ORDERS, scope="project"),
    ("GET", f"{ORD}/certificates"): Decision(_READ_ORDERS, scope="project"),
    ("GET", f"{P}/orders/xlsx/template"): Decision(
        roles(ALLOW), notes="a static file with no project data: anyone signed in; the project is not looked up"
    ),
    ("POST", f"{P}/orders"): Decision(_SPEND, scope="project", body=lambda w: {}),
    ("POST", f"{P}/orders/quick"): Decision(
        _past_auth(_SPEND, INVALID),
        scope="project",
        body=lambda w: {"product_id": "no-such-product", "nominal": "1000.00", "emails": ["a@example.com"]},
        notes="an unknown product: 422 past authorization",
    ),
    ("POST", f"{P}/orders/resume"): Decision(_SPEND, scope="project"),
    ("POST", f"{P}/orders/xlsx"): Decision(
        roles(INVALID),
        notes="multipart validation (no file) answers 400 before the use case; tests/orders covers the roles",
    ),
    ("POST", f"{ORD}/xlsx"): Decision(
        roles(INVALID),
        notes="multipart validation (no file) answers 400 before the use case; tests/orders covers the roles",
    ),
    ("PUT", ORD): Decision(_SPEND, scope="project", body=lambda w: {"sender_name": "Matrix"}),
    ("POST", f"{ORD}/submit"): Decision(
        _past_auth(_SPEND, INVALID), scope="project", notes="an empty draft cannot be submitted: 422"
    ),
    ("POST", f"{ORD}/cancel"): Decision(_SPEND, scope="project", prepare="fresh_order"),
    ("DELETE", ORD): Decision(_SPEND, scope="project", prepare="fresh_order"),
    ("POST", f"{ORD}/certificates/{{certificate_id:uuid}}/retry"): Decision(
        _past_auth(_SPEND, HIDDEN), scope="project", notes="no such certificate: 404 past authorization"
    ),
    ("POST", f"{ORD}/certificates/{{certificate_id:uuid}}/resend"): Decision(
        _past_auth(_SPEND, HIDDEN),
        scope="project",
        body=lambda w: {},
        notes="no such certificate: 404 past authorization",
    ),
    ("POST", f"{ORD}/resend-archive"): Decision(
        _past_auth(_SPEND, INVALID),
        scope="project",
        body=lambda w: {"email": "archive@example.com"},
        notes="no issued certificates yet: 4xx past authorization",
    ),
    # --- billing ---------------------------------------------------------------------------------
    ("POST", f"{P}/invoices"): Decision(
        _MANAGE_FINANCE, scope="project", body=lambda w: {"amount": "10.00", "currency": "RUB"}
    ),
    ("GET", "/api/v1/invoices"): Decision(
        _READ_FINANCE, scope="project", query=lambda w, values: {"project_id": values["project_id"]}
    ),
    ("GET", "/api/v1/invoices/export.csv"): Decision(
        _READ_FINANCE, scope="project", query=lambda w, values: {"project_id": values["project_id"]}
    ),
    ("GET", INV): Decision(_READ_FINANCE, scope="project"),
    ("GET", f"{INV}/pdf"): Decision(_READ_FINANCE, scope="project"),
    ("POST", f"{INV}/cancel"): Decision(_MANAGE_FINANCE, scope="project", prepare="fresh_invoice"),
    ("PUT", f"{P}/low-balance-threshold"): Decision(
        _MANAGE_FINANCE, scope="project", body=lambda w: {"amount": "500.00", "currency": "RUB"}
    ),
    ("POST", "/api/v1/platform/sellers"): Decision(_PLATFORM_ADMIN_ONLY, body=lambda w: _seller_body(w)),
    ("GET", "/api/v1/platform/sellers"): Decision(_PLATFORM_STAFF),
    ("PUT", "/api/v1/platform/sellers/{seller_id:uuid}/active"): Decision(
        _PLATFORM_ADMIN_ONLY, body=lambda w: {"active": True}
    ),
    ("POST", "/api/v1/platform/bank-statements"): Decision(
        _past_auth(_PLATFORM_ADMIN_ONLY, INVALID), notes="no statement uploaded: 4xx past authorization"
    ),
    ("GET", "/api/v1/platform/payments"): Decision(_PLATFORM_STAFF),
    ("POST", "/api/v1/platform/payments/{payment_id:uuid}/match"): Decision(
        _past_auth(_PLATFORM_ADMIN_ONLY, HIDDEN),
        body=lambda w: {"invoice_id": w.own["invoice_id"]},
        notes="no such payment: 404 past authorization",
    ),
    # --- counterparties --------------------------------------------------------------------------
    # Companies are the buyers on invoices: the accountant reads them (documents), only the owner changes.
    # --- catalog exports: anyone who sees the cabinet may export its catalog (a read) -------------
    ("POST", f"{C}/catalog-exports"): Decision(
        roles(ALLOW),
        scope="cabinet",
        body=lambda w: {"format": "xlsx"},
        notes="a read: the catalog as this cabinet sees it, with its commissions",
    ),
    ("GET", f"{C}/catalog-exports/{{export_id:uuid}}"): Decision(
        roles(HIDDEN), scope="cabinet", notes="the world has no export: 404 past the cabinet check"
    ),
    ("GET", f"{C}/catalog-exports/{{export_id:uuid}}/file"): Decision(
        roles(HIDDEN), scope="cabinet", notes="the world has no export: 404 past the cabinet check"
    ),
    ("GET", f"{C}/companies"): Decision(_READ_COMPANIES, scope="cabinet"),
    ("GET", f"{C}/companies/{{company_id:uuid}}"): Decision(_READ_COMPANIES, scope="cabinet"),
    ("POST", f"{C}/companies"): Decision(
        _MANAGE_CABINET, scope="cabinet", body=lambda w: {"country": "BY", "tax_id": "200988541", "name": "ООО Бел"}
    ),
    ("POST", f"{C}/companies/{{company_id:uuid}}/bank-accounts"): Decision(
        _MANAGE_CABINET,
        scope="cabinet",
        body=lambda w: {"bic": "CASPKZKA", "account": "KZ86125KZT5004100100", "bank_name": "Kaspi"},
    ),
    ("GET", "/api/v1/banks/{bic:str}"): Decision(roles(ALLOW), notes="public reference data, for signed-in callers"),
    ("GET", "/api/v1/backoffice/crm-failures"): Decision(_PLATFORM_STAFF),
    ("GET", "/api/v1/backoffice/search"): Decision(_PLATFORM_STAFF, query=lambda w, values: {"q": "ac"}),
    # --- catalog ---------------------------------------------------------------------------------
    ("GET", "/api/v1/catalog/products"): Decision(_READ_ORDERS, scope="project", query=_as_project),
    ("GET", "/api/v1/catalog/products/{product_id:str}"): Decision(
        _past_auth(_READ_ORDERS, HIDDEN), scope="project", query=_as_project, notes="no such product: 404"
    ),
    ("GET", "/api/v1/catalog/brands"): Decision(_READ_ORDERS, scope="project", query=_as_project),
    ("GET", "/api/v1/catalog/categories"): Decision(roles(ALLOW)),
    ("POST", "/api/v1/catalog/sync"): Decision(
        _past_auth(_PLATFORM_ADMIN_ONLY, UNAVAILABLE), notes="Giftery is not configured: 503 past authorization"
    ),
    # Commission rules are the cabinet's prices: its owner and managers and staff read them, admins change them.
    ("GET", "/api/v1/commissions"): Decision(
        _READ_CABINET_ADMIN, scope="cabinet", query=lambda w, values: {"cabinet_id": values["cabinet_id"]}
    ),
    ("PUT", "/api/v1/commissions"): Decision(
        _PLATFORM_ADMIN_ONLY,
        body=lambda w: {"cabinet_id": w.own["cabinet_id"], "percent": "2.5"},
    ),
    ("DELETE", "/api/v1/commissions"): Decision(
        _past_auth(_PLATFORM_ADMIN_ONLY, HIDDEN),
        query=lambda w, values: {"cabinet_id": values["cabinet_id"]},
        notes="no such rule yet (DELETE runs before PUT): 404 past authorization",
    ),
    # --- notifications: everyone reads their own ------------------------------------------------
    # API clients have no inbox; staff must name the recipient (?recipient=), so a bare call is 403.
    ("GET", "/api/v1/notifications"): Decision(_INBOX),
    ("GET", "/api/v1/notifications/stream"): Decision(_INBOX, query=lambda w, values: {"for_seconds": 0.5}),
    ("POST", "/api/v1/notifications/{notification_id:uuid}/read"): Decision(
        _past_auth(_INBOX, HIDDEN), notes="no such notification of the caller: 404"
    ),
    # Preferences are the signed-in person's own: API clients and staff (no inbox) are refused.
    ("GET", "/api/v1/notifications/preferences"): Decision(_INBOX),
    ("PUT", "/api/v1/notifications/preferences"): Decision(
        _INBOX, body=lambda w: {"items": [{"kind": "invoice_issued", "in_app": True, "email": False}]}
    ),
}


def _seller_body(world) -> dict:
    from tests.support.billing import ru_seller_data

    return ru_seller_data() | {"number_prefix": "GHM"}
