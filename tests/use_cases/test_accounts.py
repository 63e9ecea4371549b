from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from gifthub.application.accounts.change_negative_limit import ChangeNegativeLimit, ChangeNegativeLimitCommand
from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.accounts.get_project import GetProject
from gifthub.application.accounts.place_hold import PlaceHold, PlaceHoldCommand
from gifthub.application.accounts.settle_hold import CaptureHold, ReleaseHold, SettleHoldCommand
from gifthub.application.accounts.top_up_project import TopUpCommand, TopUpProject
from gifthub.application.errors import ConcurrencyConflict, Forbidden, IdempotencyConflict, NotFound
from gifthub.domain.events import LedgerEntryPosted, NegativeLimitChanged, ProjectCreated
from gifthub.domain.identity import CabinetRole, Principal, PrincipalKind, StaffRole
from gifthub.domain.money import Money
from gifthub.domain.reference import Reference, ReferenceKind
from gifthub.domain.region import Region
from tests.use_cases.fakes import FakeClock, FakeStore, FakeUnitOfWork, SequentialIds

SYSTEM = Principal.system()
SUPPORT = Principal.staff("s1", StaffRole.PLATFORM_SUPPORT)


def rub(text: str) -> Money:
    return Money.parse(text, "RUB")


@pytest.fixture
def store():
    return FakeStore()


@pytest.fixture
def deps(store):
    return FakeUnitOfWork(store), FakeClock(datetime(2026, 3, 1, tzinfo=UTC)), SequentialIds()


async def make_project(deps, region=Region.RU):
    uow, clock, ids = deps
    cabinet = await CreateCabinet(uow, clock, ids).execute(SYSTEM, CreateCabinetCommand("Acme"))
    return await CreateProject(uow, clock, ids).execute(SYSTEM, CreateProjectCommand(cabinet.id, "Gifts", region))


async def test_projects_get_distinct_codes_and_announce_themselves(deps, store):
    first = await make_project(deps)
    second = await make_project(deps, Region.BY)
    assert first.b2b_code != second.b2b_code and second.b2b_code.startswith("BY-")
    assert sum(isinstance(e, ProjectCreated) for e in store.outbox) == 2


async def test_a_top_up_is_idempotent_on_the_payment(deps, store):
    project = await make_project(deps)
    top_up = TopUpProject(*deps)
    payment = Reference(ReferenceKind.PAYMENT, "PP-1")
    first = await top_up.execute(SYSTEM, TopUpCommand(project.id, rub("500"), payment))
    again = await top_up.execute(SYSTEM, TopUpCommand(project.id, rub("500"), payment))
    assert not first.replayed and again.replayed and again.entry.id == first.entry.id
    assert store.projects[project.id].balance == rub("500")
    with pytest.raises(IdempotencyConflict):
        await top_up.execute(SYSTEM, TopUpCommand(project.id, rub("501"), payment))
    assert sum(isinstance(e, LedgerEntryPosted) for e in store.outbox) == 1


async def test_a_lost_race_is_retried_and_then_replays(deps, store):
    project = await make_project(deps)
    store.conflicts_to_raise = 2
    posted = await TopUpProject(*deps).execute(
        SYSTEM, TopUpCommand(project.id, rub("10"), Reference(ReferenceKind.PAYMENT, "PP-2"))
    )
    assert not posted.replayed and store.projects[project.id].balance == rub("10")
    store.conflicts_to_raise = 99
    with pytest.raises(ConcurrencyConflict):
        await TopUpProject(*deps).execute(
            SYSTEM, TopUpCommand(project.id, rub("10"), Reference(ReferenceKind.PAYMENT, "PP-3"))
        )


async def test_capture_and_release_replays_must_name_the_same_hold(deps, store):
    project = await make_project(deps)
    await TopUpProject(*deps).execute(
        SYSTEM, TopUpCommand(project.id, rub("100"), Reference(ReferenceKind.PAYMENT, "p"))
    )
    first = await PlaceHold(*deps).execute(
        SYSTEM, PlaceHoldCommand(project.id, rub("30"), Reference(ReferenceKind.ORDER, "a"))
    )
    second = await PlaceHold(*deps).execute(
        SYSTEM, PlaceHoldCommand(project.id, rub("30"), Reference(ReferenceKind.ORDER, "b"))
    )
    capture_ref = Reference(ReferenceKind.CERTIFICATE, "c-1")
    await CaptureHold(*deps).execute(SYSTEM, SettleHoldCommand(project.id, first.entry.hold_id, rub("10"), capture_ref))
    again = await CaptureHold(*deps).execute(
        SYSTEM, SettleHoldCommand(project.id, first.entry.hold_id, rub("10"), capture_ref)
    )
    assert again.replayed
    with pytest.raises(IdempotencyConflict):
        await CaptureHold(*deps).execute(
            SYSTEM, SettleHoldCommand(project.id, second.entry.hold_id, rub("10"), capture_ref)
        )
    released = await ReleaseHold(*deps).execute(
        SYSTEM, SettleHoldCommand(project.id, first.entry.hold_id, None, Reference(ReferenceKind.ORDER, "a-rest"))
    )
    assert released.entry.amount == rub("20")
    assert store.projects[project.id].balance == rub("90")
    assert store.projects[project.id].held == rub("30")


async def test_only_platform_admins_change_limits(deps):
    project = await make_project(deps)
    change = ChangeNegativeLimit(*deps)
    with pytest.raises(Forbidden):
        await change.execute(SUPPORT, ChangeNegativeLimitCommand(project.id, rub("100")))
    client_user = Principal.user("u1", {project.cabinet_id: CabinetRole.OWNER})
    with pytest.raises(Forbidden):
        await change.execute(client_user, ChangeNegativeLimitCommand(project.id, rub("100")))
    changed = await change.execute(SYSTEM, ChangeNegativeLimitCommand(project.id, rub("100")))
    assert changed.negative_limit == rub("100")


async def test_another_tenant_sees_nothing(deps, store):
    project = await make_project(deps)
    stranger = Principal(PrincipalKind.USER, "u2", cabinet_ids=frozenset({uuid4()}))
    other_api_client = Principal(PrincipalKind.API_CLIENT, "k", project_id=uuid4())
    for principal in (stranger, other_api_client):
        with pytest.raises(NotFound):
            await GetProject(deps[0]).execute(principal, project.id)
        with pytest.raises(NotFound):
            await PlaceHold(*deps).execute(
                principal, PlaceHoldCommand(project.id, rub("1"), Reference(ReferenceKind.ORDER, "x"))
            )
    own_api_client = Principal(PrincipalKind.API_CLIENT, "k", project_id=project.id)
    assert (await GetProject(deps[0]).execute(own_api_client, project.id)).id == project.id
    with pytest.raises(Forbidden):
        await PlaceHold(*deps).execute(
            SUPPORT, PlaceHoldCommand(project.id, rub("1"), Reference(ReferenceKind.ORDER, "y"))
        )
    assert not any(isinstance(e, NegativeLimitChanged) for e in store.outbox)
