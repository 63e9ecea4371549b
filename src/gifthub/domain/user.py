"""A person who signs in: a client user of cabinets or a member of the platform staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from gifthub.domain.identity import CabinetRole, StaffRole
from gifthub.domain.language import DEFAULT_LANGUAGE


class UserStatus(StrEnum):
    PENDING = "pending"  # self-registered, waiting for platform approval
    INVITED = "invited"  # invited, has not set a password yet
    ACTIVE = "active"
    BLOCKED = "blocked"
    DEACTIVATED = "deactivated"  # kept with its history; cannot sign in

    @property
    def may_sign_in(self) -> bool:
        return self is UserStatus.ACTIVE


@dataclass(eq=False)
class User:
    id: UUID
    email: str
    password_hash: str | None
    status: UserStatus
    staff_role: StaffRole | None
    time_zone: str
    created_at: datetime
    updated_at: datetime
    # TOTP: the seed is never logged nor returned after setup; ``totp_last_step`` refuses replays.
    totp_secret: str | None = None
    totp_pending_secret: str | None = None
    totp_enabled_at: datetime | None = None
    totp_last_step: int | None = None
    language: str = DEFAULT_LANGUAGE.value  # emails are written in it (ru or en)

    @property
    def two_factor_enabled(self) -> bool:
        return self.totp_enabled_at is not None and self.totp_secret is not None


@dataclass(eq=False)
class RecoveryCode:
    """A single-use 2FA recovery code, kept as a SHA-256 hash of its 80 random bits."""

    id: UUID
    user_id: UUID
    code_hash: str
    created_at: datetime
    used_at: datetime | None = None


@dataclass(eq=False)
class Membership:
    """A person's role in a cabinet. An invitation is a membership not yet accepted: it gives no access
    until the person accepts it (an existing user in their profile, a new one by setting a password)."""

    user_id: UUID
    cabinet_id: UUID
    role: CabinetRole
    created_at: datetime
    accepted_at: datetime | None = None

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None


@dataclass(eq=False)
class ProjectGrant:
    """Narrows an operator or accountant to one project of the cabinet."""

    user_id: UUID
    project_id: UUID
    cabinet_id: UUID
    created_at: datetime
