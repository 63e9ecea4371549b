"""A project's machine identity: its B2B code plus a secret key shown once and kept only as a hash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(eq=False)
class ApiClient:
    id: UUID
    project_id: UUID
    cabinet_id: UUID
    b2b_code: str
    secret_hash: str
    created_at: datetime
    rotated_at: datetime
    revoked_at: datetime | None = None

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
