from __future__ import annotations

from gifthub.application.authorization import ensure_can_manage_cabinet
from gifthub.application.identity.audit_trail import audit
from gifthub.application.identity.emails import issue_token, request_email
from gifthub.application.identity.set_membership import SetMembershipCommand, check_grants_fit, grant_membership
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.email_address import normalize_email
from gifthub.domain.email_messages import CabinetAccessEmail, InvitationEmail
from gifthub.domain.identity import Principal
from gifthub.domain.identity_errors import EmailTaken
from gifthub.domain.language import DEFAULT_LANGUAGE, check_language
from gifthub.domain.one_time_token import TokenPurpose
from gifthub.domain.time_zone import DEFAULT_TIME_ZONE
from gifthub.domain.user import Membership, User, UserStatus


class InviteUser:
    """The owner invites someone by email with a role: a new person gets an invitation link (single use,
    7 days) to set a password; a person who already has an account is told they were added."""

    def __init__(self, uow: IdentityUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: SetMembershipCommand) -> tuple[User, Membership]:
        email = normalize_email(command.email)
        check_grants_fit(command)
        language = DEFAULT_LANGUAGE if command.language is None else check_language(command.language)
        now = self._clock.now()
        async with self._uow as uow:
            cabinet = await uow.cabinets.get(command.cabinet_id)
            ensure_can_manage_cabinet(principal, cabinet)
            user = await uow.users.get_by_email(email)
            if user is not None and user.staff_role is not None:
                raise EmailTaken("this email belongs to platform staff", field="email")
            if user is None:
                user = User(
                    self._ids.new_id(),
                    email,
                    None,
                    UserStatus.INVITED,
                    None,
                    DEFAULT_TIME_ZONE,
                    now,
                    now,
                    language=language.value,
                )
                uow.users.add(user)
            membership = await grant_membership(uow, user, command, now)
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
            else:
                access = CabinetAccessEmail(email=user.email, cabinet_name=cabinet.name, role=command.role.value)
                request_email(uow, user, access, now)
            audit(
                uow,
                self._ids.new_id(),
                now,
                principal,
                "member.invited",
                cabinet_id=command.cabinet_id,
                target=f"user:{user.id}",
                after={"role": command.role, "email": email},
            )
            await uow.commit()
        return user, membership
