"""Who may do what, decided here so HTTP, the bus and the CLI all get the same answers.

Foreign-tenant access raises NotFound (the thing "does not exist" for that caller); an allowed tenant
without the needed right raises Forbidden. The identity capability refines client roles on top of this.
"""

from __future__ import annotations

from gifthub.application.errors import Forbidden, NotFound
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.identity import Principal, PrincipalKind
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
    return project.cabinet_id in principal.cabinet_ids


def ensure_sees_cabinet(principal: Principal, cabinet: Cabinet | None, what: str = "cabinet") -> Cabinet:
    if cabinet is None or not can_see_cabinet(principal, cabinet):
        raise NotFound(f"{what} not found")
    return cabinet


def ensure_sees_project(principal: Principal, project: Project | None) -> Project:
    if project is None or not can_see_project(principal, project):
        raise NotFound("project not found")
    return project


def ensure_platform_admin(principal: Principal, action: str) -> None:
    if not principal.is_platform_admin:
        raise Forbidden(f"only platform administrators may {action}")


def ensure_can_spend(principal: Principal, project: Project) -> None:
    """Holds, captures and releases: the platform, the project's API client, or a cabinet user."""
    ensure_sees_project(principal, project)
    if principal.kind is PrincipalKind.PLATFORM_STAFF and not principal.is_platform_admin:
        raise Forbidden("platform support staff may not move money")


def ensure_can_manage_cabinet(principal: Principal, cabinet: Cabinet) -> None:
    ensure_sees_cabinet(principal, cabinet)
    if principal.kind is PrincipalKind.API_CLIENT:
        raise Forbidden("an API client acts only within its project")
    if principal.kind is PrincipalKind.PLATFORM_STAFF and not principal.is_platform_admin:
        raise Forbidden("platform support staff may not change cabinets")
