from __future__ import annotations

from gifthub.application.authorization import ensure_can_manage_cabinet
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.emails import issue_token, request_email
from gifthub.application.identity.set_membership import SetMembershipCommand, check_grants_fit, grant_membership
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.email_address import normalize_email
from gifthub.domain.email_messages import CabinetInvitationEmail, InvitationEmail
from gifthub.domain.identity import Principal
from gifthub.domain.identity_errors import AlreadyMember
from gifthub.domain.language import DEFAULT_LANGUAGE, check_language
from gifthub.domain.one_time_token import TokenPurpose
from gifthub.domain.time_zone import DEFAULT_TIME_ZONE
from gifthub.domain.user import User, UserStatus


class InviteUser:
    """The owner invites someone by email with a role. The invitation gives no access until the person
    accepts it: someone new by setting a password with the emailed link (single use, 7 days), someone
    who already uses GiftHub by accepting it after signing in (GET /auth/me/invitations). The owner gets
    the same answer whoever the email belongs to (someone new, a user, platform staff), so inviting
    reveals nobody; only a member of this very cabinet (whom the owner sees anyway) is refused."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: SetMembershipCommand) -> str:
        """Returns the normalized email the invitation went to."""
        email = normalize_email(command.email)
        check_grants_fit(command)
        language = DEFAULT_LANGUAGE if command.language is None else check_language(command.language)
        now = self._clock.now()
        async with self._uow as uow:
            cabinet = await uow.cabinets.get(command.cabinet_id)
            ensure_can_manage_cabinet(principal, cabinet)
            user = await uow.users.get_by_email(email)
            if user is not None and user.staff_role is not None:
                return email  # staff never join cabinets; the answer stays the same
            current = await uow.users.membership(user.id, cabinet.id) if user is not None else None
            if current is not None and not current.is_pending:
                raise AlreadyMember(
                    "already a member of this cabinet: change the role with POST members", field="email"
                )
            if user is None:
                user = User(
                    self._ids.new_id(), email, None, UserStatus.INVITED, None, DEFAULT_TIME_ZONE, now, now,
                    language=language.value,
                )  # fmt: skip
                uow.users.add(user)
            await grant_membership(uow, user, command, now, accepted_at=None)
            _tell(uow, user, cabinet, command, now)
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "member.invited",
                cabinet_id=command.cabinet_id,
                target=f"user:{user.id}",
                after={"role": command.role, "email": email, "projects": sorted(map(str, command.project_ids))},
            )
            await uow.commit()
        return email


def _tell(uow: IdentityUnitOfWork, user: User, cabinet: Cabinet, command: SetMembershipCommand, now) -> None:
    """Someone new gets the link to set a password; a user is asked to sign in and accept. A person who
    cannot sign in (waiting for approval, blocked, deactivated) hears nothing; the invitation waits."""
    if user.status is UserStatus.INVITED:
        issued = issue_token(uow, user, TokenPurpose.INVITATION, now)
        invitation = InvitationEmail(
            email=user.email,
            cabinet_name=cabinet.name,
            role=command.role.value,
            token=issued.token,
            expires_at=issued.expires_at,
        )
        request_email(uow, user, invitation, now, key=issued.token_id)
    elif user.status is UserStatus.ACTIVE:
        message = CabinetInvitationEmail(
            email=user.email, cabinet_name=cabinet.name, role=command.role.value, cabinet_id=str(cabinet.id)
        )
        request_email(uow, user, message, now)
