"""The demo cabinet's owner: a real user with a password kept beside the database (like the admin token)."""

from __future__ import annotations

from uuid import UUID

from dishka import AsyncContainer

from gifthub.adapters.auth.static_token import load_or_create_token
from gifthub.application.identity.create_user import CreateUser, CreateUserCommand
from gifthub.application.identity.set_membership import SetMembership, SetMembershipCommand
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.config import Settings
from gifthub.domain.identity import CabinetRole, Principal

DEMO_OWNER_EMAIL = "owner@demo.gifthub.example"


async def seed_demo_owner(container: AsyncContainer, settings: Settings, cabinet_id: UUID) -> tuple[str, str]:
    system = Principal.system("demo")
    password = load_or_create_token(settings.data_dir / "demo-owner-password")
    async with container() as scope:
        uow = await scope.get(IdentityUnitOfWork)
        async with uow:
            exists = await uow.users.get_by_email(DEMO_OWNER_EMAIL) is not None
        if not exists:
            await (await scope.get(CreateUser)).execute(system, CreateUserCommand(DEMO_OWNER_EMAIL, password))
            command = SetMembershipCommand(cabinet_id, DEMO_OWNER_EMAIL, CabinetRole.OWNER)
            await (await scope.get(SetMembership)).execute(system, command)
    return DEMO_OWNER_EMAIL, password
