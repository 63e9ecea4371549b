"""Writes one audit record in the caller's transaction: who acted, on whose behalf, what, on which
cabinet, and the state before and after (JSON objects, never secrets).

Every unit of work carries the append-only ``audit`` repository, so a money use case records its entry
in the same commit as the change itself: the change and its trace are written together or not at all.
"""

from __future__ import annotations

import json
from datetime import datetime
from uuid import UUID

from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.audit import AuditRecord
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.project import Project


def on_behalf_of(principal: Principal | None) -> str:
    """A staff member reading as a user (impersonation) names that staff member; a project's API key
    acts for its project."""
    if principal is None:
        return ""
    if principal.on_behalf_of:
        return principal.on_behalf_of
    if principal.kind is PrincipalKind.API_CLIENT and principal.project_id is not None:
        return f"project:{principal.project_id}"
    return ""


def audit(
    uow: UnitOfWork,
    record_id: UUID,
    now: datetime,
    principal: Principal | None,
    action: str,
    *,
    cabinet_id: UUID | None = None,
    target: str = "",
    ip: str = "",
    before: dict[str, object] | None = None,
    after: dict[str, object] | None = None,
) -> None:
    uow.audit.add(
        AuditRecord(
            id=record_id,
            created_at=now,
            actor=str(principal) if principal is not None else "anonymous",
            on_behalf_of=on_behalf_of(principal),
            action=action,
            cabinet_id=cabinet_id,
            target=target,
            ip=(ip or (principal.ip if principal is not None else ""))[:64],
            before_state=json.dumps(before or {}, default=str, ensure_ascii=False),
            after_state=json.dumps(after or {}, default=str, ensure_ascii=False),
        )
    )


def money_state(project: Project) -> dict[str, object]:
    """A project's money as the audit trail shows it before and after a change (decimal strings)."""
    return {
        "balance": project.balance.to_string(),
        "held": project.held.to_string(),
        "negative_limit": project.negative_limit.to_string(),
        "available": project.available.to_string(),
        "currency": project.currency.value,
    }


def audit_project(
    uow: UnitOfWork,
    record_id: UUID,
    now: datetime,
    principal: Principal,
    action: str,
    project: Project,
    *,
    before: dict[str, object] | None = None,
    after: dict[str, object] | None = None,
) -> None:
    """An audit record about one project, filed under the project's cabinet (its owner reads it)."""
    audit(
        uow,
        record_id,
        now,
        principal,
        action,
        cabinet_id=project.cabinet_id,
        target=f"project:{project.id}",
        before=before,
        after=after,
    )
