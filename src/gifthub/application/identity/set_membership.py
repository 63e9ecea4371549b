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
from gifthub.domain.identity_errors import InvalidRole, LastOwner
from gifthub.domain.user import Membership, ProjectGrant, User


@dataclass(frozen=True)
class SetMembershipCommand:
    cabinet_id: UUID
    email: str
    role: CabinetRole
    project_ids: frozenset[UUID] = field(default_factory=frozenset)
    language: str | None = None  # for a person new to GiftHub (an invitation): the language of their emails


NOT_A_MEMBER = "no member of this cabinet has this email; invite the person: POST /api/v1/cabinets/{id}/members/invite"


class SetMembership:
    """The owner changes a member's role and project grants. Someone who is not a member yet joins only
    through an invitation they accept (InviteUser): the owner gets one answer for an email of no member,
    whether or not that person uses GiftHub. Platform administrators (the back-office) may still give
    any client user a role directly."""

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
            current = await uow.users.membership(user.id, cabinet.id) if user is not None else None
            joined = current is not None and not current.is_pending
            if not principal.is_platform_admin and not joined:
                raise NotFound(NOT_A_MEMBER.format(id=cabinet.id), field="email")
            if user is None or user.staff_role is not None:
                raise NotFound("no client user with this email", field="email")
            await ensure_an_owner_stays(uow, current, command.role)
            membership = await grant_membership(uow, user, command, now, accepted_at=now)
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "member.set",
                cabinet_id=command.cabinet_id,
                target=f"user:{user.id}",
                before={"role": current.role} if joined else {},
                after={"role": command.role, "projects": sorted(map(str, command.project_ids))},
            )
            await uow.commit()
        return user, membership


def check_grants_fit(command: SetMembershipCommand) -> None:
    if command.project_ids and command.role.sees_every_project:
        raise InvalidRole("project grants apply to operators and accountants only", field="project_ids")


async def ensure_an_owner_stays(uow: IdentityUnitOfWork, current: Membership | None, role: CabinetRole | None) -> None:
    """Demoting or removing (``role`` None) the cabinet's last owner would leave nobody to run it."""
    if current is None or current.is_pending or current.role is not CabinetRole.OWNER or role is CabinetRole.OWNER:
        return
    if await uow.users.owner_count(current.cabinet_id) <= 1:
        raise LastOwner(
            "this is the cabinet's only owner: make another member owner first", field="role" if role else None
        )


async def grant_membership(
    uow: IdentityUnitOfWork,
    user: User,
    command: SetMembershipCommand,
    now: datetime,
    *,
    accepted_at: datetime | None,
) -> Membership:
    """Replaces the user's role and project grants in the cabinet (projects must be of that cabinet).
    ``accepted_at`` None: an invitation, no access until the person accepts it."""
    grants = []
    for project_id in sorted(command.project_ids):
        project = await uow.projects.get(project_id)
        if project is None or project.cabinet_id != command.cabinet_id:
            raise NotFound(f"project {project_id} is not in this cabinet", field="project_ids")
        grants.append(ProjectGrant(user.id, project_id, command.cabinet_id, now))
    current = await uow.users.membership(user.id, command.cabinet_id)
    if current is not None and not current.is_pending:
        accepted_at = current.accepted_at  # a member's role change keeps when they joined
    membership = Membership(user.id, command.cabinet_id, command.role, now, accepted_at=accepted_at)
    await uow.users.set_membership(membership, grants)
    return membership
