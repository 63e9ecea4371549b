"""The demo: one cabinet, one project with a B2B code and a first top-up; idempotent."""

from __future__ import annotations

from collections.abc import Callable

from gifthub.adapters.auth.static_token import load_or_create_token
from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.accounts.list_projects import ListProjects
from gifthub.application.accounts.top_up_project import TopUpCommand, TopUpProject
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.config import Settings
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.domain.reference import Reference, ReferenceKind
from gifthub.domain.region import Region
from gifthub.entrypoints.cli.demo_billing import seed_demo_sellers
from gifthub.entrypoints.cli.demo_users import seed_demo_owner
from gifthub.ioc import make_container

DEMO_CABINET = "Demo cabinet"
DEMO_PROJECT = "Demo project"
DEMO_PAYMENT = Reference(ReferenceKind.PAYMENT, "DEMO-0001")


async def seed_demo(settings: Settings, say: Callable[[str], None]) -> None:
    system = Principal.system("demo")
    container = make_container(settings)
    try:
        async with container() as scope:
            uow = await scope.get(UnitOfWork)
            async with uow:
                cabinet = await uow.cabinets.get_by_name(DEMO_CABINET)
            if cabinet is None:
                cabinet = await (await scope.get(CreateCabinet)).execute(system, CreateCabinetCommand(DEMO_CABINET))
        async with container() as scope:
            page = await (await scope.get(ListProjects)).execute(system, cabinet_id=cabinet.id, limit=1, cursor=None)
            if page.items:
                project = page.items[0]
            else:
                project = await (await scope.get(CreateProject)).execute(
                    system, CreateProjectCommand(cabinet.id, DEMO_PROJECT, Region.RU)
                )
        async with container() as scope:
            posted = await (await scope.get(TopUpProject)).execute(
                system, TopUpCommand(project.id, Money.parse("100000.00", "RUB"), DEMO_PAYMENT)
            )
        owner_email, owner_password = await seed_demo_owner(container, settings, cabinet.id)
        await seed_demo_sellers(container)
    finally:
        await container.close()
    token = settings.admin_token or load_or_create_token(settings.admin_token_file)
    base = f"http://{settings.host}:{settings.port}"
    say(f"Demo cabinet {cabinet.id}; project {posted.project.name} {posted.project.b2b_code} ({project.id})")
    say(f"Balance: {posted.project.balance}; available: {posted.project.available}")
    say("How to get in: every API call takes the platform administrator's bearer token:")
    say(f"  curl -H 'Authorization: Bearer {token}' {base}/api/v1/projects/{project.id}/balance")
    say(f"Sign in as the demo cabinet owner: email {owner_email}  password {owner_password}")
    say(
        f"  curl -c cookies.txt -H 'Content-Type: application/json' -d "
        f'\'{{"email": "{owner_email}", "password": "{owner_password}"}}\' {base}/api/v1/auth/sign-in'
    )
    say("  (cookies are Secure: over plain http://localhost set GIFTHUB_COOKIE_SECURE=false)")
