"""Sign-in and browser sessions, users and cabinet memberships, a project's API key."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, delete, get, patch, post, put
from litestar.datastructures import Cookie
from litestar.params import FromPath, JSONBody, QueryParameter

from gifthub.adapters.auth.settings import IdentitySettings
from gifthub.application.identity.accept_invitation import AcceptInvitation
from gifthub.application.identity.answer_invitation import AnswerInvitation
from gifthub.application.identity.change_profile import ChangeProfile
from gifthub.application.identity.check_api_key import CheckApiKey
from gifthub.application.identity.create_user import CreateUser, CreateUserCommand
from gifthub.application.identity.delete_user import DeleteUser
from gifthub.application.identity.enable_two_factor import EnableTwoFactor
from gifthub.application.identity.get_api_key import GetApiKey
from gifthub.application.identity.get_cabinet_policy import GetCabinetPolicy
from gifthub.application.identity.get_me import GetMe
from gifthub.application.identity.impersonate import Impersonate
from gifthub.application.identity.invite_user import InviteUser
from gifthub.application.identity.issue_api_key import IssueApiKey
from gifthub.application.identity.list_invitations import ListInvitations
from gifthub.application.identity.list_members import ListMembers
from gifthub.application.identity.moderate_user import ModerateUser
from gifthub.application.identity.my_invitations import MyInvitations
from gifthub.application.identity.register import Register
from gifthub.application.identity.remove_member import RemoveMember
from gifthub.application.identity.request_password_reset import RequestPasswordReset
from gifthub.application.identity.reset_password import ResetPassword
from gifthub.application.identity.reset_two_factor import ResetTwoFactor
from gifthub.application.identity.revoke_api_key import RevokeApiKey
from gifthub.application.identity.search_users import SearchUsers
from gifthub.application.identity.set_cabinet_policy import CabinetPolicyCommand, SetCabinetPolicy
from gifthub.application.identity.set_membership import SetMembership, SetMembershipCommand
from gifthub.application.identity.sign_in import SignIn, SignInCommand
from gifthub.application.identity.sign_out import SignOut
from gifthub.application.identity.sign_out_everywhere import SignOutEverywhere
from gifthub.application.identity.start_two_factor import StartTwoFactor
from gifthub.application.identity.step_up import StepUp
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.domain.auth_session import ABSOLUTE_TIMEOUT, IMPERSONATION_TIMEOUT
from gifthub.domain.identity import CabinetRole, Principal, StaffRole
from gifthub.domain.identity_errors import InvalidRole
from gifthub.domain.user import UserStatus
from gifthub.entrypoints.http.controllers.audit import AuditController
from gifthub.entrypoints.http.principal import CSRF_COOKIE, SESSION_COOKIE
from gifthub.entrypoints.http.schemas.identity import (
    AcceptedOut,
    ApiKeyCheckIn,
    ApiKeyCheckOut,
    ApiKeyOut,
    CabinetInvitationList,
    CabinetInvitationOut,
    CabinetPolicyIn,
    CabinetPolicyOut,
    CodeIn,
    CreateUserIn,
    EmailIn,
    InvitationSentOut,
    IssuedApiKeyOut,
    MemberList,
    MemberOut,
    MembershipIn,
    MembershipOut,
    MeOut,
    MyInvitationList,
    MyInvitationOut,
    ProfileIn,
    RecoveryCodesOut,
    RegisterIn,
    SignedInOut,
    SignedOutOut,
    SignInIn,
    StatusIn,
    TokenPasswordIn,
    TwoFactorSetupOut,
    UserList,
    UserOut,
)

PUBLIC = {"public": True}
RESET_ANSWER = "if an active account has this email, a reset link is on its way"
REGISTER_ANSWER = "thank you: check your email; the account waits for approval by the platform"
INVITE_ANSWER = "the invitation is on its way; the person joins the cabinet when they accept it"


def _status(text: str) -> UserStatus:
    try:
        return UserStatus(text)
    except ValueError:
        raise InvalidRole("must be active, blocked or deactivated", field="status") from None


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


def _cookies(settings: IdentitySettings, session: str, csrf: str, max_age: int) -> list[Cookie]:
    common = {"secure": settings.cookie_secure, "samesite": "lax", "path": "/", "max_age": max_age}
    return [
        Cookie(key=SESSION_COOKIE, value=session, httponly=True, **common),
        # Readable by the page's script so it can echo it in X-CSRF-Token.
        Cookie(key=CSRF_COOKIE, value=csrf, httponly=False, **common),
    ]


def _role(text: str) -> CabinetRole:
    try:
        return CabinetRole(text)
    except ValueError:
        raise InvalidRole("must be owner, manager, operator or accountant", field="role") from None


def _staff_role(text: str | None) -> StaffRole | None:
    if text is None:
        return None
    try:
        return StaffRole(text)
    except ValueError:
        raise InvalidRole("must be platform_admin or platform_support", field="staff_role") from None


class AuthController(Controller):
    path = "/auth"
    tags = ["auth"]

    @post(
        "/sign-in",
        summary="Sign in with email and password; sets the session and CSRF cookies",
        opt=PUBLIC,
        status_code=200,
    )
    async def sign_in(
        self,
        request: Request,
        data: JSONBody[SignInIn],
        use_case: FromDishka[SignIn],
        settings: FromDishka[IdentitySettings],
    ) -> Response[SignedInOut]:
        command = SignInCommand(
            email=data.email,
            password=data.password,
            ip=_client_ip(request),
            user_agent=request.headers.get("user-agent", ""),
            otp=data.otp,
        )
        signed = await use_case.execute(command)
        body = SignedInOut(user=UserOut.of(signed.user), csrf_token=signed.csrf_token, expires_at=signed.expires_at)
        cookies = _cookies(settings, signed.session_token, signed.csrf_token, int(ABSOLUTE_TIMEOUT.total_seconds()))
        return Response(body, status_code=200, cookies=cookies)

    @post("/invitations/accept", summary="Set a password with the invitation's token", opt=PUBLIC, status_code=200)
    async def accept_invitation(
        self, data: JSONBody[TokenPasswordIn], use_case: FromDishka[AcceptInvitation]
    ) -> UserOut:
        return UserOut.of(await use_case.execute(data.token, data.password))

    @post("/password-reset", summary="Email a reset link (same answer for every email)", opt=PUBLIC, status_code=202)
    async def request_password_reset(
        self, request: Request, data: JSONBody[EmailIn], use_case: FromDishka[RequestPasswordReset]
    ) -> AcceptedOut:
        await use_case.execute(data.email, _client_ip(request))
        return AcceptedOut(detail=RESET_ANSWER)

    @post("/password-reset/confirm", summary="Set a new password with the emailed token", opt=PUBLIC, status_code=204)
    async def reset_password(self, data: JSONBody[TokenPasswordIn], use_case: FromDishka[ResetPassword]) -> None:
        await use_case.execute(data.token, data.password)

    @post("/register", summary="Self-registration; the account waits for approval", opt=PUBLIC, status_code=202)
    async def register(
        self, request: Request, data: JSONBody[RegisterIn], use_case: FromDishka[Register]
    ) -> AcceptedOut:
        await use_case.execute(data.email, data.password, _client_ip(request), data.language)
        return AcceptedOut(detail=REGISTER_ANSWER)

    @post("/sign-out", summary="End this browser session", status_code=200)
    async def sign_out(
        self, request: Request, use_case: FromDishka[SignOut], settings: FromDishka[IdentitySettings]
    ) -> Response[SignedOutOut]:
        token = request.cookies.get(SESSION_COOKIE, "")
        if token:
            await use_case.execute(token)
        return Response(SignedOutOut(sessions_ended=1 if token else 0), cookies=_cookies(settings, "", "", 0))

    @post("/sign-out-everywhere", summary="End every session of the signed-in user", status_code=200)
    async def sign_out_everywhere(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[SignOutEverywhere],
        settings: FromDishka[IdentitySettings],
    ) -> Response[SignedOutOut]:
        count = await use_case.execute(principal)
        return Response(SignedOutOut(sessions_ended=count), cookies=_cookies(settings, "", "", 0))

    @post("/2fa/setup", summary="Start TOTP setup: a QR code for the authenticator app", status_code=200)
    async def start_two_factor(
        self, principal: FromDishka[Principal], use_case: FromDishka[StartTwoFactor]
    ) -> TwoFactorSetupOut:
        setup = await use_case.execute(principal)
        return TwoFactorSetupOut(provisioning_uri=setup.provisioning_uri, qr_code=setup.qr_code)

    @post("/2fa/enable", summary="Confirm the first code; answers the recovery codes once", status_code=200)
    async def enable_two_factor(
        self, data: JSONBody[CodeIn], principal: FromDishka[Principal], use_case: FromDishka[EnableTwoFactor]
    ) -> RecoveryCodesOut:
        return RecoveryCodesOut(recovery_codes=await use_case.execute(principal, data.code))

    @post("/step-up", summary="Confirm payment actions and key changes with a fresh code", status_code=204)
    async def step_up(
        self, request: Request, data: JSONBody[CodeIn], principal: FromDishka[Principal], use_case: FromDishka[StepUp]
    ) -> None:
        await use_case.execute(principal, getattr(request.state, "session_id", None), data.code)

    @patch("/me", summary="Change your time zone (times are stored in UTC, shown in it) or email language")
    async def change_me(
        self, data: JSONBody[ProfileIn], principal: FromDishka[Principal], use_case: FromDishka[ChangeProfile]
    ) -> UserOut:
        return UserOut.of(await use_case.execute(principal, time_zone=data.time_zone, language=data.language))

    @get("/me", summary="Who is calling: roles per cabinet, project grants, the user")
    async def me(self, principal: FromDishka[Principal], use_case: FromDishka[GetMe]) -> MeOut:
        return MeOut.of(await use_case.execute(principal))

    @get("/me/invitations", summary="Cabinets that invited you and wait for your answer")
    async def my_invitations(
        self, principal: FromDishka[Principal], use_case: FromDishka[MyInvitations]
    ) -> MyInvitationList:
        found = await use_case.execute(principal)
        return MyInvitationList(
            items=[
                MyInvitationOut(
                    i.membership.cabinet_id, i.cabinet_name, i.membership.role.value, i.membership.created_at
                )
                for i in found
            ]
        )

    @post(
        "/me/invitations/{cabinet_id:uuid}/accept",
        summary="Accept a cabinet's invitation: its role takes effect",
        status_code=200,
    )
    async def accept_cabinet_invitation(
        self, cabinet_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[AnswerInvitation]
    ) -> MembershipOut:
        membership = await use_case.execute(principal, cabinet_id, accept=True)
        assert membership is not None
        return MembershipOut(cabinet_id=membership.cabinet_id, role=membership.role.value)

    @post("/me/invitations/{cabinet_id:uuid}/decline", summary="Decline a cabinet's invitation", status_code=204)
    async def decline_cabinet_invitation(
        self, cabinet_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[AnswerInvitation]
    ) -> None:
        await use_case.execute(principal, cabinet_id, accept=False)


class UserController(Controller):
    path = "/users"
    tags = ["users"]

    @post("/", summary="Create an active user or a platform staff member (platform administrators)")
    async def create_user(
        self, data: JSONBody[CreateUserIn], principal: FromDishka[Principal], use_case: FromDishka[CreateUser]
    ) -> UserOut:
        command = CreateUserCommand(
            email=data.email,
            password=data.password,
            staff_role=_staff_role(data.staff_role),
            time_zone=data.time_zone,
            language=data.language,
        )
        return UserOut.of(await use_case.execute(principal, command))

    @get("/", summary="Back-office: find users by part of their email (platform staff)")
    async def search_users(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[SearchUsers],
        q: Annotated[str, QueryParameter(max_length=254, description="part of the email")] = "",
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    ) -> UserList:
        return UserList(items=[UserOut.of(u) for u in await use_case.execute(principal, q, limit)])

    @put("/{user_id:uuid}/status", summary="Approve, block or deactivate a user (platform administrators)")
    async def moderate(
        self,
        user_id: FromPath[UUID],
        data: JSONBody[StatusIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[ModerateUser],
    ) -> UserOut:
        return UserOut.of(await use_case.execute(principal, user_id, _status(data.status)))

    @post("/{user_id:uuid}/impersonate", summary="A read-only session as this user (platform staff; audited)")
    async def impersonate(
        self,
        user_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[Impersonate],
        settings: FromDishka[IdentitySettings],
    ) -> Response[SignedInOut]:
        done = await use_case.execute(principal, user_id)
        body = SignedInOut(user=UserOut.of(done.user), csrf_token=done.csrf_token, expires_at=done.expires_at)
        seconds = int(IMPERSONATION_TIMEOUT.total_seconds())
        cookies = _cookies(settings, done.session_token, done.csrf_token, seconds)
        return Response(body, status_code=201, cookies=cookies)

    @delete("/{user_id:uuid}", summary="Delete a user, keeping history (platform administrators)", status_code=200)
    async def delete_user(
        self, user_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[DeleteUser]
    ) -> UserOut:
        return UserOut.of(await use_case.execute(principal, user_id))

    @post("/{user_id:uuid}/2fa/reset", summary="Turn a user's 2FA off (platform administrators)", status_code=200)
    async def reset_two_factor(
        self, user_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[ResetTwoFactor]
    ) -> UserOut:
        return UserOut.of(await use_case.execute(principal, user_id))


class MemberController(Controller):
    path = "/cabinets/{cabinet_id:uuid}/members"
    tags = ["users"]

    @get("/", summary="The cabinet's users and their roles (owner, manager, platform staff)")
    async def list_members(
        self, cabinet_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[ListMembers]
    ) -> MemberList:
        members = await use_case.execute(principal, cabinet_id)
        return MemberList(items=[MemberOut.of(user, membership) for user, membership in members])

    @post(
        "/",
        summary="Change a member's role and project grants (owner); someone new to the cabinet is invited instead",
        status_code=200,
    )
    async def set_member(
        self,
        cabinet_id: FromPath[UUID],
        data: JSONBody[MembershipIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[SetMembership],
    ) -> MemberOut:
        command = SetMembershipCommand(
            cabinet_id=cabinet_id, email=data.email, role=_role(data.role), project_ids=frozenset(data.project_ids)
        )
        user, membership = await use_case.execute(principal, command)
        return MemberOut.of(user, membership)

    @post(
        "/invite",
        summary="Invite by email with a role (owner); the person joins when they accept; one answer for every email",
        status_code=202,
    )
    async def invite(
        self,
        cabinet_id: FromPath[UUID],
        data: JSONBody[MembershipIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[InviteUser],
    ) -> InvitationSentOut:
        command = SetMembershipCommand(
            cabinet_id=cabinet_id,
            email=data.email,
            role=_role(data.role),
            project_ids=frozenset(data.project_ids),
            language=data.language,
        )
        email = await use_case.execute(principal, command)
        return InvitationSentOut(
            email=email, role=command.role.value, project_ids=sorted(command.project_ids), detail=INVITE_ANSWER
        )

    @get("/invitations", summary="Invitations of the cabinet nobody accepted yet (owner, manager, platform staff)")
    async def list_invitations(
        self, cabinet_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[ListInvitations]
    ) -> CabinetInvitationList:
        found = await use_case.execute(principal, cabinet_id)
        return CabinetInvitationList(
            items=[CabinetInvitationOut(email, m.role.value, m.created_at) for email, m in found]
        )

    @delete("/{user_id:uuid}", summary="Take a user's role in the cabinet away (owner)")
    async def remove_member(
        self,
        cabinet_id: FromPath[UUID],
        user_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[RemoveMember],
    ) -> None:
        await use_case.execute(principal, cabinet_id, user_id)


class ApiKeyController(Controller):
    path = "/projects/{project_id:uuid}/api-key"
    tags = ["api keys"]

    @post("/", summary="Create or rotate the project's API key; the secret is shown only in this answer")
    async def issue(
        self, project_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[IssueApiKey]
    ) -> IssuedApiKeyOut:
        issued = await use_case.execute(principal, project_id)
        return IssuedApiKeyOut(
            key=ApiKeyOut.of(issued.client),
            secret=issued.secret,
            bearer=f"{issued.client.b2b_code}:{issued.secret}",
        )

    @get("/", summary="The key's status (never its secret)")
    async def status(
        self, project_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[GetApiKey]
    ) -> ApiKeyOut:
        return ApiKeyOut.of(await use_case.execute(principal, project_id))

    @delete("/", summary="Revoke the key: it stops working at once", status_code=200)
    async def revoke(
        self, project_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[RevokeApiKey]
    ) -> ApiKeyOut:
        return ApiKeyOut.of(await use_case.execute(principal, project_id))


class ApiKeyCheckController(Controller):
    path = "/api-keys"
    tags = ["api keys"]

    @post("/check", summary="Do this B2B code and secret match an active key? (the cabinet's Check button)")
    async def check(
        self, data: JSONBody[ApiKeyCheckIn], principal: FromDishka[Principal], use_case: FromDishka[CheckApiKey]
    ) -> ApiKeyCheckOut:
        return ApiKeyCheckOut(match=await use_case.execute(principal, data.b2b_code, data.secret))


class CabinetPolicyController(Controller):
    path = "/cabinets/{cabinet_id:uuid}/security-policy"
    tags = ["users"]

    @get("/", summary="2FA requirement and IP allow-list of the cabinet")
    async def get_policy(
        self, cabinet_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[GetCabinetPolicy]
    ) -> CabinetPolicyOut:
        return CabinetPolicyOut.of(await use_case.execute(principal, cabinet_id))

    @put("/", summary="Require 2FA and/or allow only these networks (owner; step-up when 2FA is on)")
    async def set_policy(
        self,
        cabinet_id: FromPath[UUID],
        data: JSONBody[CabinetPolicyIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[SetCabinetPolicy],
    ) -> CabinetPolicyOut:
        command = CabinetPolicyCommand(cabinet_id, data.require_two_factor, list(data.allowed_networks))
        return CabinetPolicyOut.of(await use_case.execute(principal, command))


IDENTITY_CONTROLLERS = [
    CabinetPolicyController,
    AuthController,
    UserController,
    MemberController,
    ApiKeyController,
    ApiKeyCheckController,
    AuditController,
]
