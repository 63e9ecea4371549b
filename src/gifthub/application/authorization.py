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


def ensure_can_spend(principal: Principal, project: Project) -> None:
    """Orders, holds, captures and releases: the platform admin, the project's API client, its owner,
    or an operator granted the project."""
    ensure_sees_project(principal, project)
    ensure_may_change(principal)
    if principal.kind is PrincipalKind.PLATFORM_STAFF and not principal.is_platform_admin:
        raise Forbidden("platform support staff may not move money")
    if principal.kind is PrincipalKind.USER:
        role = _client_role(principal, project.cabinet_id)
        if role not in (CabinetRole.OWNER, CabinetRole.OPERATOR):
            raise Forbidden(f"a {role} may not order or move money")


# Orders spend money: the same people who may place holds may create and submit them.
ensure_can_order = ensure_can_spend


def ensure_can_read_finance(principal: Principal, project: Project) -> None:
    """Invoices, payments, documents and balances: everyone who sees the project except operators."""
    ensure_sees_project(principal, project)
    if _client_role(principal, project.cabinet_id) is CabinetRole.OPERATOR:
        raise Forbidden("an operator does not see invoices and payments")


def ensure_can_manage_cabinet(principal: Principal, cabinet: Cabinet) -> None:
    """Users, companies, projects and API keys of a cabinet: its owner and platform administrators."""
    ensure_sees_cabinet(principal, cabinet)
    ensure_may_change(principal)
    if principal.kind is PrincipalKind.API_CLIENT:
        raise Forbidden("an API client acts only within its project")
    if principal.kind is PrincipalKind.PLATFORM_STAFF and not principal.is_platform_admin:
        raise Forbidden("platform support staff may not change cabinets")
    if principal.kind is PrincipalKind.USER and _client_role(principal, cabinet.id) is not CabinetRole.OWNER:
        raise Forbidden("only the cabinet owner may change the cabinet")


def ensure_can_read_cabinet_admin(principal: Principal, cabinet: Cabinet) -> None:
    """Members, API key status, audit: owners, managers and platform staff."""
    ensure_sees_cabinet(principal, cabinet)
    if principal.kind is PrincipalKind.API_CLIENT:
        raise Forbidden("an API client acts only within its project")
    if principal.kind is PrincipalKind.USER and not (
        (role := _client_role(principal, cabinet.id)) and role.sees_every_project
    ):
        raise Forbidden("only the cabinet owner and managers see this")


def ensure_can_manage_project(principal: Principal, project: Project) -> None:
    """A project's API keys and settings: the cabinet owner and platform administrators."""
    ensure_sees_project(principal, project)
    ensure_may_change(principal)
    if principal.kind is PrincipalKind.API_CLIENT:
        raise Forbidden("an API client may not manage keys")
    if principal.kind is PrincipalKind.PLATFORM_STAFF and not principal.is_platform_admin:
        raise Forbidden("platform support staff may not change projects")
    if principal.kind is PrincipalKind.USER and _client_role(principal, project.cabinet_id) is not CabinetRole.OWNER:
        raise Forbidden("only the cabinet owner may manage the project's keys")


def ensure_can_read_project_admin(principal: Principal, project: Project) -> None:
    """A project's key status: owners, managers and platform staff."""
    ensure_sees_project(principal, project)
    if principal.kind is PrincipalKind.API_CLIENT:
        raise Forbidden("an API client acts only within its project")
    if principal.kind is PrincipalKind.USER and not (
        (role := _client_role(principal, project.cabinet_id)) and role.sees_every_project
    ):
        raise Forbidden("only the cabinet owner and managers see this")


def ensure_step_up(principal: Principal, now: datetime, action: str = "this payment action") -> None:
    """Payment actions and key changes: a person with 2FA must have confirmed a fresh TOTP in this
    session within STEP_UP_VALID (POST /api/v1/auth/step-up). Machines (API clients, the system) and
    people without 2FA pass; a cabinet policy that requires 2FA keeps the latter from signing in at all."""
    if not principal.two_factor:
        return
    if principal.stepped_up_at is None or now - principal.stepped_up_at > STEP_UP_VALID:
        raise StepUpRequired(f"confirm {action} with a fresh code: POST /api/v1/auth/step-up")


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
    ensure_sees_project(principal, project)
    ensure_may_change(principal)
    if principal.kind is PrincipalKind.API_CLIENT:
        raise Forbidden("an API client acts only on orders and holds of its project")
    if principal.kind is PrincipalKind.PLATFORM_STAFF and not principal.is_platform_admin:
        raise Forbidden("platform support staff may not change invoices")
    if principal.kind is PrincipalKind.USER:
        role = _client_role(principal, project.cabinet_id)
        if role not in (CabinetRole.OWNER, CabinetRole.ACCOUNTANT):
            raise Forbidden(f"a {role} may not issue or cancel invoices")


def ensure_can_read_companies(principal: Principal, cabinet: Cabinet | None) -> Cabinet:
    """A cabinet's companies (the buyers on its documents): owners, managers, accountants and platform staff."""
    ensure_sees_cabinet(principal, cabinet, "cabinet")
    if principal.kind is PrincipalKind.API_CLIENT:
        raise Forbidden("an API client acts only within its project")
    role = _client_role(principal, cabinet.id)
    if principal.kind is PrincipalKind.USER and role not in (
        CabinetRole.OWNER,
        CabinetRole.MANAGER,
        CabinetRole.ACCOUNTANT,
    ):
        raise Forbidden("only the owner, managers and accountants see the cabinet's companies")
    return cabinet
