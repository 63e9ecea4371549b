"""The fan-out on real databases: recipients from memberships and grants, preferences, and a redelivered
event that changes nothing (the notifications and the inbox row are one transaction)."""

from __future__ import annotations

import json
from uuid import uuid4

from gifthub.adapters.bus.inbox import Inbox
from gifthub.adapters.bus.memory import InMemoryBus, InMemoryDeadLetters
from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.notifications.change_preferences import ChangeNotificationPreferences, ChannelChoice
from gifthub.application.notifications.list_notifications import ListNotifications
from gifthub.application.ports.identity_unit_of_work import IdentityUnitOfWork
from gifthub.domain.identity import CabinetRole, Principal
from gifthub.domain.region import Region
from gifthub.domain.user import Membership, ProjectGrant, User, UserStatus
from gifthub.entrypoints.bus.dispatcher import Dispatcher, Outcome
from gifthub.entrypoints.bus.handlers import HANDLERS

SYSTEM = Principal.system()


async def _run(container, use_case, *args):
    async with container() as request:
        return await (await request.get(use_case)).execute(*args)


async def _member(container, clock, cabinet_id, project_id, role: CabinetRole, granted: bool, status=UserStatus.ACTIVE):
    user = User(
        uuid4(), f"{role}-{uuid4().hex[:6]}@example.com", None, status, None, "Asia/Almaty", clock.now(), clock.now()
    )
    async with container() as request:
        uow = await request.get(IdentityUnitOfWork)
        async with uow:
            uow.users.add(user)
            grants = [ProjectGrant(user.id, project_id, cabinet_id, clock.now())] if granted else []
            await uow.users.set_membership(
                Membership(user.id, cabinet_id, role, clock.now(), accepted_at=clock.now()), grants
            )
            await uow.commit()
    return Principal.user(str(user.id), {cabinet_id: role}, frozenset({project_id}) if granted else frozenset())


async def _kinds(container, principal) -> list[str]:
    listing = await _run(container, ListNotifications, principal, None)
    return sorted(n.kind for n in listing.items)


async def test_a_redelivered_top_up_notifies_each_person_once(container, clock):
    cabinet = await _run(container, CreateCabinet, SYSTEM, CreateCabinetCommand("Acme"))
    project = await _run(container, CreateProject, SYSTEM, CreateProjectCommand(cabinet.id, "Gifts", Region.RU))
    other = await _run(container, CreateCabinet, SYSTEM, CreateCabinetCommand("Other"))
    other_project = await _run(container, CreateProject, SYSTEM, CreateProjectCommand(other.id, "X", Region.RU))
    people = {
        "owner": await _member(container, clock, cabinet.id, project.id, CabinetRole.OWNER, False),
        "accountant": await _member(container, clock, cabinet.id, project.id, CabinetRole.ACCOUNTANT, True),
        "muted_manager": await _member(container, clock, cabinet.id, project.id, CabinetRole.MANAGER, False),
        "operator": await _member(container, clock, cabinet.id, project.id, CabinetRole.OPERATOR, True),
        "blocked": await _member(
            container, clock, cabinet.id, project.id, CabinetRole.OWNER, False, UserStatus.BLOCKED
        ),
        "foreign": await _member(container, clock, other.id, other_project.id, CabinetRole.OWNER, False),
    }
    mute = [ChannelChoice("balance_topped_up", False, True)]
    await _run(container, ChangeNotificationPreferences, people["muted_manager"], mute)

    body = {
        "event": "ledger.entry_posted", "occurred_at": clock.now().isoformat(), "project_id": str(project.id),
        "kind": "top_up", "amount": {"amount": "1500.00", "currency": "RUB"},
        "available_after": {"amount": "1500.00", "currency": "RUB"},
    }  # fmt: skip
    dispatcher = Dispatcher(await container.get(Inbox), InMemoryDeadLetters(InMemoryBus()), 8)
    registration = HANDLERS.get("notify_balance_topped_up")
    outcomes = []
    for _ in range(2):
        async with container() as request:
            raw = json.dumps(body).encode()
            outcomes.append(
                await dispatcher.dispatch(request, registration, "gifthub.ledger.entry_posted", "m-1", raw, 1)
            )

    assert outcomes == [Outcome.DONE, Outcome.DUPLICATE]
    owner_id = people["owner"].id
    more = {
        "notify_payment_applied": {
            "payment_id": str(uuid4()), "payment_reference": "p-1", "invoice_id": str(uuid4()),
            "invoice_number": "GH-7", "project_id": str(project.id), "currency": "RUB", "amount": "100.00",
            "overpaid": "0.00", "invoice_status": "partially_paid",
        },
        "notify_catalog_export_ready": {
            "export_id": str(uuid4()), "cabinet_id": str(cabinet.id), "requested_by": f"user:{owner_id}",
            "format": "xlsx", "file_name": "catalog.xlsx",
        },
        "notify_order_created": {"order_id": str(uuid4()), "project_id": str(project.id)},  # gone: nobody
    }  # fmt: skip
    for number, (consumer, fields) in enumerate(more.items()):
        registration = HANDLERS.get(consumer)
        raw = json.dumps({"event": registration.event_name, **fields}).encode()
        async with container() as request:
            subject = f"gifthub.{registration.event_name}"
            assert await dispatcher.dispatch(request, registration, subject, f"m-{number + 2}", raw, 1) == Outcome.DONE
    told = {who: await _kinds(container, principal) for who, principal in people.items()}
    assert told == {
        "owner": ["balance_topped_up", "catalog_export_ready", "partial_payment"],
        "accountant": ["balance_topped_up", "partial_payment"],
        "muted_manager": ["partial_payment"],  # only top-ups are muted
        "operator": [],
        "blocked": [],
        "foreign": [],
    }
