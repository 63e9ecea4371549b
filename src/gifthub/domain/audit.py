"""The append-only audit trail of sensitive actions: who, on whose behalf, what, when, from where,
and the state before and after (JSON objects without secrets)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(eq=False)
class AuditRecord:
    id: UUID
    created_at: datetime
    actor: str  # "user:<id>", "platform_staff:<id>", "api_client:<id>", "anonymous"
    on_behalf_of: str  # the impersonated user, when a staff member acts as one; "" otherwise
    action: str  # e.g. "auth.sign_in", "member.set", "api_key.rotated", "user.2fa_reset"
    cabinet_id: UUID | None
    target: str
    ip: str
    before_state: str  # JSON
    after_state: str  # JSON
