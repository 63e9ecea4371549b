"""Request and response bodies of sign-in, users, memberships and API keys. Secrets appear only in
the one response that issues them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

from gifthub.application.identity.get_me import Me
from gifthub.domain.api_client import ApiClient
from gifthub.domain.user import Membership, User
from gifthub.entrypoints.http.schemas.accounts import Body

EmailText = Annotated[str, msgspec.Meta(max_length=320, description="An email address", examples=["anna@acme.ru"])]
PasswordText = Annotated[
    str,
    msgspec.Meta(
        max_length=1024,
        description="At least 12 characters, not a common password, not containing the email address",
    ),
]


OtpText = Annotated[str, msgspec.Meta(max_length=32, description="6-digit TOTP or a recovery code")]


class SignInIn(Body):
    email: EmailText
    password: PasswordText
    otp: OtpText | None = None


class TokenPasswordIn(Body):
    token: Annotated[str, msgspec.Meta(max_length=200, description="From the emailed link")]
    password: PasswordText


class EmailIn(Body):
    email: EmailText


class RegisterIn(Body):
    email: EmailText
    password: PasswordText
    language: LanguageText = "ru"


LanguageText = Annotated[
    str, msgspec.Meta(max_length=8, description="ru or en: the language of emails", examples=["en"])
]


class ProfileIn(Body):
    time_zone: Annotated[str, msgspec.Meta(max_length=64, examples=["Asia/Almaty"])] | None = None
    language: LanguageText | None = None


class StatusIn(Body):
    status: Annotated[str, msgspec.Meta(description="active (approve), blocked or deactivated")]


class AcceptedOut(msgspec.Struct, frozen=True):
    detail: str


class CodeIn(Body):
    code: OtpText


class TwoFactorSetupOut(msgspec.Struct, frozen=True):
    provisioning_uri: str
    qr_code: str  # data:image/svg+xml URI


class RecoveryCodesOut(msgspec.Struct, frozen=True):
    recovery_codes: list[str]  # shown once; each works once


class CreateUserIn(Body):
    email: EmailText
    password: PasswordText
    staff_role: Annotated[str | None, msgspec.Meta(description="platform_admin or platform_support")] = None
    time_zone: Annotated[str, msgspec.Meta(max_length=64, examples=["Europe/Moscow"])] = "Europe/Moscow"
    language: LanguageText = "ru"


class MembershipIn(Body):
    email: EmailText
    role: Annotated[str, msgspec.Meta(description="owner, manager, operator or accountant")]
    project_ids: Annotated[list[UUID], msgspec.Meta(max_length=1000)] = []
    language: LanguageText | None = None  # for a person new to GiftHub: the language of their emails


class ApiKeyCheckIn(Body):
    b2b_code: Annotated[str, msgspec.Meta(max_length=20, examples=["RU-7KQ2-M9XD"])]
    secret: Annotated[str, msgspec.Meta(max_length=200)]


class UserOut(msgspec.Struct, frozen=True):
    id: UUID
    email: str
    status: str
    staff_role: str | None
    time_zone: str
    language: str
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            id=user.id,
            email=user.email,
            status=user.status.value,
            staff_role=user.staff_role.value if user.staff_role else None,
            time_zone=user.time_zone,
            language=user.language,
            created_at=user.created_at,
        )


class UserList(msgspec.Struct, frozen=True):
    items: list[UserOut]


class MembershipOut(msgspec.Struct, frozen=True):
    cabinet_id: UUID
    role: str


class MemberOut(msgspec.Struct, frozen=True):
    user: UserOut
    role: str

    @classmethod
    def of(cls, user: User, membership: Membership) -> MemberOut:
        return cls(user=UserOut.of(user), role=membership.role.value)


class MemberList(msgspec.Struct, frozen=True):
    items: list[MemberOut]


class InvitationSentOut(msgspec.Struct, frozen=True):
    """The same answer for every email: it says nothing about whether the person uses GiftHub."""

    email: str
    role: str
    project_ids: list[UUID]
    detail: str


class CabinetInvitationOut(msgspec.Struct, frozen=True):
    """An invitation of the cabinet nobody accepted yet: only the email the owner typed."""

    email: str
    role: str
    invited_at: datetime


class CabinetInvitationList(msgspec.Struct, frozen=True):
    items: list[CabinetInvitationOut]


class MyInvitationOut(msgspec.Struct, frozen=True):
    cabinet_id: UUID
    cabinet_name: str
    role: str
    invited_at: datetime


class MyInvitationList(msgspec.Struct, frozen=True):
    items: list[MyInvitationOut]


class SignedInOut(msgspec.Struct, frozen=True):
    user: UserOut
    csrf_token: str  # also in the gifthub_csrf cookie; send it back as X-CSRF-Token
    expires_at: datetime


class MeOut(msgspec.Struct, frozen=True):
    kind: str
    id: str
    staff_role: str | None
    memberships: list[MembershipOut]
    granted_projects: list[UUID]
    project_id: UUID | None
    user: UserOut | None
    read_only: bool  # a staff member reading as this user
    on_behalf_of: str  # ... and who that staff member is

    @classmethod
    def of(cls, me: Me) -> MeOut:
        p = me.principal
        return cls(
            kind=p.kind.value,
            id=p.id,
            staff_role=p.staff_role.value if p.staff_role else None,
            memberships=[MembershipOut(cabinet_id=c, role=r.value) for c, r in sorted(p.memberships.items())],
            granted_projects=sorted(p.granted_projects),
            project_id=p.project_id,
            user=UserOut.of(me.user) if me.user else None,
            read_only=p.read_only,
            on_behalf_of=p.on_behalf_of,
        )


class ApiKeyOut(msgspec.Struct, frozen=True):
    project_id: UUID
    b2b_code: str
    active: bool
    created_at: datetime
    rotated_at: datetime
    revoked_at: datetime | None

    @classmethod
    def of(cls, client: ApiClient) -> ApiKeyOut:
        return cls(
            project_id=client.project_id,
            b2b_code=client.b2b_code,
            active=client.is_active,
            created_at=client.created_at,
            rotated_at=client.rotated_at,
            revoked_at=client.revoked_at,
        )


class IssuedApiKeyOut(msgspec.Struct, frozen=True):
    key: ApiKeyOut
    secret: str  # shown once
    bearer: str  # what to send: Authorization: Bearer <b2b_code>:<secret>


class ApiKeyCheckOut(msgspec.Struct, frozen=True):
    match: bool


class SignedOutOut(msgspec.Struct, frozen=True):
    sessions_ended: int


class CabinetPolicyIn(Body):
    require_two_factor: bool
    allowed_networks: Annotated[list[str], msgspec.Meta(max_length=50, description="CIDRs; empty: any")] = []


class CabinetPolicyOut(msgspec.Struct, frozen=True):
    cabinet_id: UUID
    require_two_factor: bool
    allowed_networks: list[str]

    @classmethod
    def of(cls, policy) -> CabinetPolicyOut:
        return cls(policy.cabinet_id, policy.require_two_factor, policy.networks)
