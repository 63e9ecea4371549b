"""The notification centre's use cases with hand-written fakes: who is told what, on which channel."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from uuid import uuid4

import pytest

from gifthub.application.errors import Forbidden
from gifthub.application.notifications.announce import Announce
from gifthub.application.notifications.announce_order import AnnounceOrderNews, OrderNews
from gifthub.application.notifications.announce_payment import AnnouncePayment, PaymentNews
from gifthub.application.notifications.change_preferences import ChangeNotificationPreferences, ChannelChoice
from gifthub.application.notifications.check_low_balance import CheckLowBalance
from gifthub.application.notifications.fact import Fact
from gifthub.application.notifications.get_preferences import GetNotificationPreferences
from gifthub.application.ports.notification_audience import Member
from gifthub.application.ports.order_digests import OrderDigest
from gifthub.domain.email_messages import CatalogExportReadyEmail
from gifthub.domain.identity import CabinetRole, Principal
from gifthub.domain.low_balance import LowBalanceAlert
from gifthub.domain.money import Currency, Money
from gifthub.domain.notification_kinds import NotificationKind, UnknownNotificationKind
from gifthub.domain.notification_preferences import NotificationPreference
from tests.use_cases.fakes import FakeClock, SequentialIds
from tests.use_cases.fakes_notifications import FakeNotificationsUnitOfWork, NotificationWorld, a_project

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
PROJECT, CABINET, ORDER, INVOICE = uuid4(), uuid4(), uuid4(), uuid4()


def rub(amount: str) -> Money:
    return Money.parse(amount, Currency.RUB)


def member(role: CabinetRole, granted: bool = False, tz: str = "Europe/Moscow") -> Member:
    user = uuid4()
    return Member(user, f"{role}-{str(user)[:4]}@example.com", tz, role, granted)


@pytest.fixture
def people() -> SimpleNamespace:
    return SimpleNamespace(
        owner=member(CabinetRole.OWNER, tz="Asia/Almaty"),
        manager=member(CabinetRole.MANAGER),
        operator=member(CabinetRole.OPERATOR, granted=True),
        creator=member(CabinetRole.OPERATOR),  # no grant, but created the order
        stranger_operator=member(CabinetRole.OPERATOR),
        accountant=member(CabinetRole.ACCOUNTANT, granted=True),
        other_accountant=member(CabinetRole.ACCOUNTANT),
    )


@pytest.fixture
def world(people) -> NotificationWorld:
    world = NotificationWorld()
    world.members[PROJECT] = list(vars(people).values())
    world.projects[PROJECT] = a_project("Подарки")
    world.orders[ORDER] = OrderDigest(ORDER, PROJECT, "Подарки", f"user:{people.creator.user_id}", rub("1025.00"))
    return world


def use_case(kind, world):
    return kind(FakeNotificationsUnitOfWork(world), FakeClock(NOW), SequentialIds())


def ids(*members: Member) -> set[str]:
    return {str(m.user_id) for m in members}


async def test_money_news_reaches_owner_managers_and_granted_accountants_in_app_only(world, people):
    fact = Fact(NotificationKind.BALANCE_TOPPED_UP, "Баланс пополнен на 1500.00 RUB", "", "m-1", project_id=PROJECT)
    await use_case(Announce, world).execute(fact)

    assert set(world.told("balance_topped_up")) == ids(people.owner, people.manager, people.accountant)
    assert world.emails() == []  # top-ups are in-app only by default
    assert world.commits == 1  # the whole fan-out is one transaction


async def test_a_finished_order_tells_its_people_and_emails_in_their_time_zone(world, people):
    await use_case(AnnounceOrderNews, world).execute(OrderNews("m-2", ORDER, "completed", delivered=1))

    told = world.told("order_status")
    assert set(told) == ids(people.owner, people.manager, people.operator, people.creator)
    assert told[str(people.owner.user_id)] == [f"Заказ {str(ORDER)[:8]} выполнен"]
    emails = {e.to: e for e in world.emails()}
    assert set(emails) == {people.owner.email, people.manager.email, people.operator.email, people.creator.email}
    owner_mail = emails[people.owner.email]
    assert (owner_mail.template, owner_mail.timezone) == ("order_completed", "Asia/Almaty")
    assert owner_mail.context["amount"] == "1025.00" and owner_mail.context["project_name"] == "Подарки"
    assert owner_mail.dedup_key == f"order_status:m-2:{people.owner.user_id}"


async def test_other_order_status_changes_stay_in_app(world, people):
    await use_case(AnnounceOrderNews, world).execute(OrderNews("m-3", ORDER, "queued"))

    assert str(people.stranger_operator.user_id) not in world.told()
    assert len(world.told("order_status")) == 4 and world.emails() == []


async def test_preferences_switch_channels_off(world, people):
    world.preferences[(people.owner.user_id, NotificationKind.ORDER_STATUS)] = NotificationPreference(
        people.owner.user_id, NotificationKind.ORDER_STATUS, in_app=False, email=False
    )
    world.preferences[(people.manager.user_id, NotificationKind.ORDER_STATUS)] = NotificationPreference(
        people.manager.user_id, NotificationKind.ORDER_STATUS, in_app=True, email=False
    )
    await use_case(AnnounceOrderNews, world).execute(OrderNews("m-4", ORDER, "failed", failed=1))

    assert str(people.owner.user_id) not in world.told()
    assert str(people.manager.user_id) in world.told()
    assert {e.to for e in world.emails()} == {people.operator.email, people.creator.email}


async def test_partial_payment_states_what_is_paid_and_owed(world, people):
    world.invoices[INVOICE] = SimpleNamespace(paid=rub("50000.00"), outstanding=rub("100000.00"))
    news = PaymentNews("m-5", INVOICE, PROJECT, "GH-2026-7", rub("50000.00"), rub("0.00"), "partially_paid")
    await use_case(AnnouncePayment, world).execute(news)

    assert set(world.told("partial_payment")) == ids(people.owner, people.manager, people.accountant)
    [mail] = [e for e in world.emails() if e.to == people.accountant.email]
    assert mail.template == "partial_payment"
    assert (mail.context["paid"], mail.context["outstanding"]) == ("50000.00", "100000.00")


async def test_low_balance_alerts_once_per_dip_with_an_email(world, people):
    world.alerts[PROJECT] = LowBalanceAlert(PROJECT, rub("500.00"))
    check = use_case(CheckLowBalance, world)
    await check.execute(PROJECT, rub("400.00"), "m-6")
    await check.execute(PROJECT, rub("350.00"), "m-7")  # still below: no repeat

    assert {k: len(v) for k, v in world.told("low_balance").items()} == {
        str(m.user_id): 1 for m in (people.owner, people.manager, people.accountant)
    }
    [mail] = [e for e in world.emails() if e.to == people.owner.email]
    assert (mail.template, mail.timezone, mail.context["project_name"]) == ("low_balance", "Asia/Almaty", "Подарки")


async def test_a_catalog_export_is_announced_to_its_requester_only(world, people):
    world.cabinet_members[(people.manager.user_id, CABINET)] = people.manager
    fact = Fact(
        NotificationKind.CATALOG_EXPORT_READY, "Выгрузка каталога готова", "", "m-8",
        CatalogExportReadyEmail(cabinet_id=str(CABINET), export_id="e-1", format="xlsx", file_name="c.xlsx"),
        cabinet_id=CABINET, requester=f"user:{people.manager.user_id}",
    )  # fmt: skip
    await use_case(Announce, world).execute(fact)
    await use_case(Announce, world).execute(Fact(fact.kind, "x", "", "m-9", cabinet_id=CABINET, requester="api:1"))

    assert set(world.told()) == ids(people.manager)
    assert [e.template for e in world.emails()] == ["catalog_export_ready"]


async def test_preferences_default_then_change_all_or_nothing(world):
    user = uuid4()
    principal = Principal.user(str(user), {CABINET: CabinetRole.OWNER})
    clock, uow = FakeClock(NOW), FakeNotificationsUnitOfWork(world)
    listed = await GetNotificationPreferences(uow).execute(principal)
    by_kind = {p.kind.value: (p.in_app, p.email) for p in listed}
    assert by_kind["low_balance"] == (True, True) and by_kind["balance_topped_up"] == (True, False)
    assert len(listed) == len(NotificationKind)

    change = ChangeNotificationPreferences(uow, clock)
    with pytest.raises(UnknownNotificationKind) as refused:
        await change.execute(principal, [ChannelChoice("low_balance", True, False), ChannelChoice("sms", True, True)])
    assert refused.value.field == "items[1].kind" and world.preferences == {}

    changed = await change.execute(principal, [ChannelChoice("low_balance", True, False)])
    assert {p.kind.value: (p.in_app, p.email) for p in changed}["low_balance"] == (True, False)
    with pytest.raises(Forbidden):
        await change.execute(Principal.staff("admin-1"), [])
