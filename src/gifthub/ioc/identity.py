"""Identity: users, sessions, API keys; overrides the bootstrap-only authenticator of the infrastructure."""

from __future__ import annotations

from dishka import Provider, Scope, provide, provide_all

from gifthub.adapters.auth.argon2_hasher import Argon2PasswordHasher
from gifthub.adapters.auth.database import IdentityAuthenticator
from gifthub.adapters.auth.seed_keys import load_or_create_keys, seed_box
from gifthub.adapters.auth.settings import IdentitySettings
from gifthub.adapters.auth.static_token import StaticTokenAuthenticator, load_or_create_token
from gifthub.adapters.auth.totp import PyOtpPasswords
from gifthub.adapters.persistence.identity_unit_of_work import SqlIdentityUnitOfWork
from gifthub.application.identity.accept_invitation import AcceptInvitation
from gifthub.application.identity.answer_invitation import AnswerInvitation
from gifthub.application.identity.authenticate import Authenticate
from gifthub.application.identity.change_profile import ChangeProfile
from gifthub.application.identity.check_api_key import CheckApiKey
from gifthub.application.identity.create_user import CreateUser
from gifthub.application.identity.delete_user import DeleteUser
from gifthub.application.identity.enable_two_factor import EnableTwoFactor
from gifthub.application.identity.get_api_key import GetApiKey
from gifthub.application.identity.get_cabinet_policy import GetCabinetPolicy
from gifthub.application.identity.get_me import GetMe
from gifthub.application.identity.impersonate import Impersonate
from gifthub.application.identity.invite_user import InviteUser
from gifthub.application.identity.issue_api_key import IssueApiKey
from gifthub.application.identity.list_audit import ListAudit
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
from gifthub.application.identity.set_cabinet_policy import SetCabinetPolicy
from gifthub.application.identity.set_membership import SetMembership
from gifthub.application.identity.sign_in import SignIn
from gifthub.application.identity.sign_out import SignOut
from gifthub.application.identity.sign_out_everywhere import SignOutEverywhere
from gifthub.application.identity.start_two_factor import StartTwoFactor
from gifthub.application.identity.step_up import StepUp
from gifthub.application.ports.authenticator import Authenticator
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.application.ports.one_time_passwords import OneTimePasswords
from gifthub.application.ports.password_hasher import PasswordHasher
from gifthub.config import Settings


class IdentityProvider(Provider):
    scope = Scope.REQUEST

    @provide(scope=Scope.APP)
    def identity_settings(self) -> IdentitySettings:
        return IdentitySettings.from_env()

    @provide(scope=Scope.APP)
    def password_hasher(self, settings: IdentitySettings) -> PasswordHasher:
        return Argon2PasswordHasher(memory_cost=settings.argon2_memory_kib)

    @provide(scope=Scope.APP)
    def bootstrap(self, settings: Settings) -> StaticTokenAuthenticator:
        return StaticTokenAuthenticator(settings.admin_token or load_or_create_token(settings.admin_token_file))

    @provide(scope=Scope.APP)
    def one_time_passwords(self, settings: Settings, identity: IdentitySettings) -> OneTimePasswords:
        return PyOtpPasswords(seed_box(load_or_create_keys(identity.secret_keys, settings.data_dir)))

    identity_uow = provide(SqlIdentityUnitOfWork, provides=IdentityUnitOfWork)
    authenticator = provide(IdentityAuthenticator, provides=Authenticator)

    use_cases = provide_all(
        Authenticate,
        CreateUser,
        SetMembership,
        ListMembers,
        RemoveMember,
        SignIn,
        SignOut,
        SignOutEverywhere,
        GetMe,
        IssueApiKey,
        RevokeApiKey,
        GetApiKey,
        CheckApiKey,
        StartTwoFactor,
        EnableTwoFactor,
        StepUp,
        ResetTwoFactor,
        InviteUser,
        ListInvitations,
        MyInvitations,
        AnswerInvitation,
        AcceptInvitation,
        RequestPasswordReset,
        ResetPassword,
        Register,
        ModerateUser,
        SearchUsers,
        ListAudit,
        GetCabinetPolicy,
        SetCabinetPolicy,
        Impersonate,
        DeleteUser,
        ChangeProfile,
    )
