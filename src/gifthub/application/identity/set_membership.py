from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_cabinet
from gifthub.application.errors import NotFound
from gifthub.application.identity.audit_trail import audit
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.email_address import normalize_email
from gifthub.domain.identity import CabinetRole, Principal
from gifthub.domain.identity_errors import InvalidRole
from gifthub.domain.user import Membership, ProjectGrant, User


@dataclass(frozen=True)
class SetMembershipCommand:
    cabinet_id: UUID
    email: str
    role: CabinetRole
    project_ids: frozenset[UUID] = field(default_factory=frozenset)
    language: str | None = None  # for a person new to GiftHub (an invitation): the language of their emails


class SetMembership:
    """The owner (or a platform admin) gives a user a role in the cabinet, with project grants."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: SetMembershipCommand) -> tuple[User, Membership]:
        email = normalize_email(command.email)
        check_grants_fit(command)
        now = self._clock.now()
        async with self._uow as uow:
            cabinet = await uow.cabinets.get(command.cabinet_id)
            ensure_can_manage_cabinet(principal, cabinet)
            user = await uow.users.get_by_email(email)
            if user is None or user.staff_role is not None:
                raise NotFound("no client user with this email", field="email")
            membership = await grant_membership(uow, user, command, now)
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "member.set",
                cabinet_id=command.cabinet_id,
                target=f"user:{user.id}",
                after={"role": command.role, "projects": sorted(map(str, command.project_ids))},
            )
            await uow.commit()
        return user, membership


def check_grants_fit(command: SetMembershipCommand) -> None:
    if command.project_ids and command.role.sees_every_project:
        raise InvalidRole("project grants apply to operators and accountants only", field="project_ids")


async def grant_membership(
    uow: IdentityUnitOfWork, user: User, command: SetMembershipCommand, now: datetime
) -> Membership:
    """Replaces the user's role and project grants in the cabinet (projects must be of that cabinet)."""
    grants = []
    for project_id in sorted(command.project_ids):
        project = await uow.projects.get(project_id)
        if project is None or project.cabinet_id != command.cabinet_id:
            raise NotFound(f"project {project_id} is not in this cabinet", field="project_ids")
        grants.append(ProjectGrant(user.id, project_id, command.cabinet_id, now))
    membership = Membership(user.id, command.cabinet_id, command.role, now)
    await uow.users.set_membership(membership, grants)
    return membership
