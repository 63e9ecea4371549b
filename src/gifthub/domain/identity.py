"""Who acts: every use case receives a Principal so authorization can be decided inward."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID


class PrincipalKind(StrEnum):
    USER = "user"  # a client user of one or more cabinets
    API_CLIENT = "api_client"  # a project's B2B code + secret
    PLATFORM_STAFF = "platform_staff"
    SYSTEM = "system"  # the platform itself: jobs, bus consumers, the demo seeder


class StaffRole(StrEnum):
    PLATFORM_ADMIN = "platform_admin"
    PLATFORM_SUPPORT = "platform_support"


@dataclass(frozen=True)
class Principal:
    kind: PrincipalKind
    id: str
    # For an API client: the one project it acts in; for a user: the cabinets it belongs to.
    cabinet_ids: frozenset[UUID] = field(default_factory=frozenset)
    project_id: UUID | None = None
    staff_role: StaffRole | None = None

    @classmethod
    def system(cls, name: str = "system") -> Principal:
        return cls(PrincipalKind.SYSTEM, name)

    @classmethod
    def staff(cls, staff_id: str, role: StaffRole = StaffRole.PLATFORM_ADMIN) -> Principal:
        return cls(PrincipalKind.PLATFORM_STAFF, staff_id, staff_role=role)

    @property
    def is_platform(self) -> bool:
        return self.kind in (PrincipalKind.PLATFORM_STAFF, PrincipalKind.SYSTEM)

    @property
    def is_platform_admin(self) -> bool:
        return self.kind is PrincipalKind.SYSTEM or self.staff_role is StaffRole.PLATFORM_ADMIN

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"
