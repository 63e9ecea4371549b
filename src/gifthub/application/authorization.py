"""Who may do what, decided here so HTTP, the bus and the CLI all get the same answers.

Foreign-tenant access raises NotFound (the thing "does not exist" for that caller); an allowed tenant
without the needed right raises Forbidden. Roles:

- platform_admin (and the system itself): everything; platform_support: reads everything, changes nothing;
- owner: everything in the cabinet; manager: reads the whole cabinet, changes nothing;
- operator: orders and holds in granted projects; accountant: balances, invoices, payments of granted projects;
- an API client: only its own project (orders, holds, balance).

A staff member reading "as" a user (impersonation) is ``read_only``: every change is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from gifthub.application.errors import Forbidden, NotFound
from gifthub.domain.auth_session import STEP_UP_VALID
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.identity import CabinetRole, Principal, PrincipalKind
from gifthub.domain.identity_errors import StepUpRequired
from gifthub.domain.project import Project


def can_see_cabinet(principal: Principal, cabinet: Cabinet) -> bool:
    if principal.is_platform:
        return True
    return cabinet.id in principal.cabinet_ids


def can_see_project(principal: Principal, project: Project) -> bool:
    if principal.is_platform:
        return True
    if principal.kind is PrincipalKind.API_CLIENT:
        return principal.project_id == project.id
    role = principal.role_in(project.cabinet_id)
    if role is None:
        return False
    return role.sees_every_project or project.id in principal.granted_projects


def ensure_sees_cabinet(principal: Principal, cabinet: Cabinet | None, what: str = "cabinet") -> Cabinet:
    if cabinet is None or not can_see_cabinet(principal, cabinet):
        raise NotFound(f"{what} not found")
    return cabinet


def ensure_sees_project(principal: Principal, project: Project | None) -> Project:
    if project is None or not can_see_project(principal, project):
        raise NotFound("project not found")
    return project


def ensure_may_change(principal: Principal) -> None:
    if principal.read_only:
        raise Forbidden("this session is read-only (impersonation)")


def ensure_platform_admin(principal: Principal, action: str) -> None:
    ensure_may_change(principal)
    if not principal.is_platform_admin:
        raise Forbidden(f"only platform administrators may {action}")


def ensure_platform_staff(principal: Principal, action: str) -> None:
    """Back-office reads: platform administrators and support."""
    if not principal.is_platform:
        raise Forbidden(f"only platform staff may {action}")


def _client_role(principal: Principal, cabinet_id) -> CabinetRole | None:
    return principal.role_in(cabinet_id) if principal.kind is PrincipalKind.USER else None


@dataclass(frozen=True)
class _Right:
    """Who beyond platform administrators holds a right inside a tenant they can see."""

    roles: frozenset[CabinetRole]  # client users with one of these roles in the cabinet
    api_client: str  # "" when a project's API client may; else why it may not
    support: str  # "" when platform support may (reads); else why it may not
    refusal: str  # why another client role may not; "{role}" is filled in
    changes: bool = False  # a change: refused in read-only (impersonation) sessions


def _ensure(principal: Principal, cabinet_id, right: _Right) -> None:
    if right.changes:
        ensure_may_change(principal)
    if principal.kind is PrincipalKind.API_CLIENT and right.api_client:
        raise Forbidden(right.api_client)
    if principal.kind is PrincipalKind.PLATFORM_STAFF and not principal.is_platform_admin and right.support:
        raise Forbidden(right.support)
    if principal.kind is PrincipalKind.USER:
        role = _client_role(principal, cabinet_id)
        if role not in right.roles:
            raise Forbidden(right.refusal.format(role=role))


_OWNER, _MANAGER = CabinetRole.OWNER, CabinetRole.MANAGER
_OPERATOR, _ACCOUNTANT = CabinetRole.OPERATOR, CabinetRole.ACCOUNTANT
_API_CLIENT_PROJECT_ONLY = "an API client acts only within its project"

SPEND = _Right(
    frozenset({_OWNER, _OPERATOR}), "", "platform support staff may not move money",
    "a {role} may not order or move money", changes=True,
)  # fmt: skip
READ_FINANCE = _Right(
    frozenset({_OWNER, _MANAGER, _ACCOUNTANT}), "", "", "an operator does not see invoices and payments"
)
MANAGE_CABINET = _Right(
    frozenset({_OWNER}), _API_CLIENT_PROJECT_ONLY, "platform support staff may not change cabinets",
    "only the cabinet owner may change the cabinet", changes=True,
)  # fmt: skip
READ_CABINET_ADMIN = _Right(
    frozenset({_OWNER, _MANAGER}), _API_CLIENT_PROJECT_ONLY, "", "only the cabinet owner and managers see this"
)
MANAGE_PROJECT = _Right(
    frozenset({_OWNER}), "an API client may not manage keys", "platform support staff may not change projects",
    "only the cabinet owner may manage the project's keys", changes=True,
)  # fmt: skip
READ_PROJECT_ADMIN = READ_CABINET_ADMIN
MANAGE_FINANCE = _Right(
    frozenset({_OWNER, _ACCOUNTANT}), "an API client acts only on orders and holds of its project",
    "platform support staff may not change invoices", "a {role} may not issue or cancel invoices", changes=True,
)  # fmt: skip
READ_COMPANIES = _Right(
    frozenset({_OWNER, _MANAGER, _ACCOUNTANT}), _API_CLIENT_PROJECT_ONLY, "",
    "only the owner, managers and accountants see the cabinet's companies",
)  # fmt: skip


def ensure_can_spend(principal: Principal, project: Project) -> None:
    """Orders, holds, captures and releases: the platform admin, the project's API client, its owner,
    or an operator granted the project."""
    _ensure(principal, ensure_sees_project(principal, project).cabinet_id, SPEND)


# Orders spend money: the same people who may place holds may create and submit them.
ensure_can_order = ensure_can_spend


def ensure_can_read_finance(principal: Principal, project: Project) -> None:
    """Invoices, payments, documents and balances: everyone who sees the project except operators."""
    _ensure(principal, ensure_sees_project(principal, project).cabinet_id, READ_FINANCE)


def ensure_can_manage_cabinet(principal: Principal, cabinet: Cabinet) -> None:
    """Users, companies, projects and API keys of a cabinet: its owner and platform administrators."""
    _ensure(principal, ensure_sees_cabinet(principal, cabinet).id, MANAGE_CABINET)


def ensure_can_read_cabinet_admin(principal: Principal, cabinet: Cabinet) -> None:
    """Members, API key status, audit: owners, managers and platform staff."""
    _ensure(principal, ensure_sees_cabinet(principal, cabinet).id, READ_CABINET_ADMIN)


def ensure_can_manage_project(principal: Principal, project: Project) -> None:
    """A project's API keys and settings: the cabinet owner and platform administrators."""
    _ensure(principal, ensure_sees_project(principal, project).cabinet_id, MANAGE_PROJECT)


def ensure_can_read_project_admin(principal: Principal, project: Project) -> None:
    """A project's key status: owners, managers and platform staff."""
    _ensure(principal, ensure_sees_project(principal, project).cabinet_id, READ_PROJECT_ADMIN)


def ensure_step_up(principal: Principal, now: datetime, action: str = "this payment action") -> None:
    """Payment actions and key changes: a person with 2FA must have confirmed a fresh TOTP in this
    session within STEP_UP_VALID (POST /api/v1/auth/step-up). Machines (API clients, the system) and
    people without 2FA pass; a cabinet policy that requires 2FA keeps the latter out of that cabinet."""
    if not principal.two_factor:
        return
    if principal.stepped_up_at is None or now - principal.stepped_up_at > STEP_UP_VALID:
        minutes = int(STEP_UP_VALID.total_seconds() // 60)
        raise StepUpRequired(
            f"confirm {action} with a fresh code from your authenticator app: POST /api/v1/auth/step-up "
            f'{{"code": "..."}}, then repeat this request within {minutes} minutes'
        )


def with_step_up(
    authorize: Callable[[Principal, Project], None], now: datetime, action: str
) -> Callable[[Principal, Project], None]:
    """A money-moving action (submitting an order, paying from the balance, issuing an invoice, placing a
    hold): the role check first (a foreign project stays 404), then a fresh second factor."""

    def check(principal: Principal, project: Project) -> None:
        authorize(principal, project)
        ensure_step_up(principal, now, action)

    return check


def ensure_can_read_audit(principal: Principal, cabinet: Cabinet | None, cabinet_asked: bool) -> None:
    """The audit trail: platform staff read all of it; a cabinet owner reads the cabinet's."""
    if principal.is_platform:
        if cabinet_asked:
            ensure_sees_cabinet(principal, cabinet)
        return
    if not cabinet_asked:
        raise Forbidden("ask for one cabinet's audit trail (cabinet_id)")
    ensure_sees_cabinet(principal, cabinet)
    if _client_role(principal, cabinet.id) is not CabinetRole.OWNER:
        raise Forbidden("only the cabinet owner reads its audit trail")


def ensure_can_manage_finance(principal: Principal, project: Project) -> None:
    """Issuing and cancelling invoices, alert thresholds: the owner, an accountant granted the project and
    platform administrators (a manager changes nothing; operators and API clients do not touch invoices)."""
    _ensure(principal, ensure_sees_project(principal, project).cabinet_id, MANAGE_FINANCE)


def ensure_can_read_companies(principal: Principal, cabinet: Cabinet | None) -> Cabinet:
    """A cabinet's companies (the buyers on its documents): owners, managers, accountants and platform staff."""
    cabinet = ensure_sees_cabinet(principal, cabinet, "cabinet")
    _ensure(principal, cabinet.id, READ_COMPANIES)
    return cabinet
