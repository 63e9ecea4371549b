"""Who acts: every use case receives a Principal so authorization can be decided inward."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from uuid import UUID


class PrincipalKind(StrEnum):
    USER = "user"  # a client user of one or more cabinets
    API_CLIENT = "api_client"  # a project's B2B code + secret
    PLATFORM_STAFF = "platform_staff"
    SYSTEM = "system"  # the platform itself: jobs, bus consumers, the demo seeder


class StaffRole(StrEnum):
    PLATFORM_ADMIN = "platform_admin"
    PLATFORM_SUPPORT = "platform_support"


class CabinetRole(StrEnum):
    OWNER = "owner"  # everything in the cabinet: users, companies, projects, API keys
    MANAGER = "manager"  # "руководитель": reads everything in the cabinet, changes nothing
    OPERATOR = "operator"  # creates and submits orders in granted projects
    ACCOUNTANT = "accountant"  # invoices, payments, documents and balances of granted projects

    @property
    def sees_every_project(self) -> bool:
        """Owners and managers see the whole cabinet; operators and accountants only granted projects."""
        return self in (CabinetRole.OWNER, CabinetRole.MANAGER)


_NO_ROLES: Mapping[UUID, CabinetRole] = MappingProxyType({})


@dataclass(frozen=True)
class Principal:
    kind: PrincipalKind
    id: str
    # For an API client: its project's cabinet; for a user: the cabinets it belongs to.
    cabinet_ids: frozenset[UUID] = field(default_factory=frozenset)
    project_id: UUID | None = None
    staff_role: StaffRole | None = None
    # A user's role per cabinet and the projects granted to it (they narrow operators and accountants).
    memberships: Mapping[UUID, CabinetRole] = field(default_factory=lambda: _NO_ROLES, hash=False)
    granted_projects: frozenset[UUID] = field(default_factory=frozenset)
    # Set when a staff member reads as a user ("impersonation"): changes are then refused.
    read_only: bool = False
    on_behalf_of: str = ""
    # Where the request came from (recorded for sign-ins and sensitive actions).
    ip: str = ""
    # A person with 2FA, and when this session last confirmed a fresh TOTP (step-up).
    two_factor: bool = False
    stepped_up_at: datetime | None = None

    @classmethod
    def system(cls, name: str = "system") -> Principal:
        return cls(PrincipalKind.SYSTEM, name)

    @classmethod
    def staff(cls, staff_id: str, role: StaffRole = StaffRole.PLATFORM_ADMIN) -> Principal:
        return cls(PrincipalKind.PLATFORM_STAFF, staff_id, staff_role=role)

    @classmethod
    def user(
        cls, user_id: str, memberships: Mapping[UUID, CabinetRole], granted_projects: frozenset[UUID] = frozenset()
    ) -> Principal:
        roles = MappingProxyType(dict(memberships))
        return cls(
            PrincipalKind.USER,
            user_id,
            cabinet_ids=frozenset(roles),
            memberships=roles,
            granted_projects=frozenset(granted_projects),
        )

    @classmethod
    def api_client(cls, client_id: str, cabinet_id: UUID, project_id: UUID) -> Principal:
        return cls(PrincipalKind.API_CLIENT, client_id, cabinet_ids=frozenset({cabinet_id}), project_id=project_id)

    @property
    def is_platform(self) -> bool:
        return self.kind in (PrincipalKind.PLATFORM_STAFF, PrincipalKind.SYSTEM)

    @property
    def is_platform_admin(self) -> bool:
        return self.kind is PrincipalKind.SYSTEM or self.staff_role is StaffRole.PLATFORM_ADMIN

    def role_in(self, cabinet_id: UUID) -> CabinetRole | None:
        return self.memberships.get(cabinet_id)

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"
