"""Writes one audit record in the caller's transaction."""

from __future__ import annotations

import json
from datetime import datetime
from uuid import UUID

from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.audit import AuditRecord
from gifthub.domain.identity import Principal


def audit(
    uow: IdentityUnitOfWork,
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
            on_behalf_of=principal.on_behalf_of if principal is not None else "",
            action=action,
            cabinet_id=cabinet_id,
            target=target,
            ip=(ip or (principal.ip if principal is not None else ""))[:64],
            before_state=json.dumps(before or {}, default=str, ensure_ascii=False),
            after_state=json.dumps(after or {}, default=str, ensure_ascii=False),
        )
    )
