from datetime import UTC, datetime
from uuid import uuid4

import pytest

from gifthub.domain.b2b_code import b2b_code, is_b2b_code
from gifthub.domain.errors import (
    CurrencyMismatch,
    HoldClosed,
    HoldExceeded,
    InsufficientFunds,
    InvalidAmount,
    InvalidLimit,
    ProjectFrozen,
)
from gifthub.domain.events import LedgerEntryPosted, NegativeLimitChanged, ProjectCreated
from gifthub.domain.ledger import EntryKind
from gifthub.domain.money import Money
from gifthub.domain.project import Project, ProjectStatus
from gifthub.domain.reference import Reference, ReferenceKind
from gifthub.domain.region import Region

AT = datetime(2026, 11, 1, tzinfo=UTC)


def rub(text: str) -> Money:
    return Money.parse(text, "RUB")


def ref(value: str, kind: ReferenceKind = ReferenceKind.ORDER) -> Reference:
    return Reference(kind, value)


def new_project() -> Project:
    return Project.create(uuid4(), uuid4(), "  Gifts   2026 ", Region.RU, b2b_code(Region.RU, 12345), AT)


def test_a_new_project_is_empty_and_says_so():
    project = new_project()
    assert project.name == "Gifts 2026"
    assert project.available == rub("0")
    assert isinstance(project.events[0], ProjectCreated)


def test_available_is_balance_minus_held_plus_limit():
    project = new_project()
    project.top_up(uuid4(), rub("1000"), ref("p1", ReferenceKind.PAYMENT), AT)
    project.change_negative_limit(rub("500"), AT)
    project.place_hold(uuid4(), uuid4(), rub("300"), ref("o1"), AT)
    assert (project.balance, project.held, project.available) == (rub("1000"), rub("300"), rub("1200"))


def test_a_hold_past_available_is_refused_and_says_what_is_available():
    project = new_project()
    project.top_up(uuid4(), rub("100"), ref("p1", ReferenceKind.PAYMENT), AT)
    project.change_negative_limit(rub("50"), AT)
    with pytest.raises(InsufficientFunds) as caught:
        project.place_hold(uuid4(), uuid4(), rub("150.01"), ref("o1"), AT)
    assert caught.value.available == rub("150")
    assert project.held == rub("0")
    project.place_hold(uuid4(), uuid4(), rub("150"), ref("o2"), AT)
    assert project.available == rub("0")


def test_capture_spends_and_release_gives_back():
    project = new_project()
    project.top_up(uuid4(), rub("1000"), ref("p1", ReferenceKind.PAYMENT), AT)
    hold, _ = project.place_hold(uuid4(), uuid4(), rub("600"), ref("o1"), AT)
    project.capture(hold, uuid4(), rub("400"), ref("c1", ReferenceKind.CERTIFICATE), AT)
    entry = project.release(hold, uuid4(), None, ref("o1-rest"), AT)
    assert entry.amount == rub("200")
    assert (project.balance, project.held, project.available) == (rub("600"), rub("0"), rub("600"))
    assert hold.remaining == rub("0")
    with pytest.raises(HoldClosed):
        project.capture(hold, uuid4(), None, ref("c2"), AT)


def test_a_capture_cannot_exceed_what_remains_of_the_hold():
    project = new_project()
    project.top_up(uuid4(), rub("1000"), ref("p1", ReferenceKind.PAYMENT), AT)
    hold, _ = project.place_hold(uuid4(), uuid4(), rub("100"), ref("o1"), AT)
    with pytest.raises(HoldExceeded):
        project.capture(hold, uuid4(), rub("100.01"), ref("c1"), AT)


def test_lowering_the_limit_below_the_overdraft_is_allowed_but_blocks_spending():
    project = new_project()
    project.change_negative_limit(rub("1000"), AT)
    hold, _ = project.place_hold(uuid4(), uuid4(), rub("800"), ref("o1"), AT)
    project.capture(hold, uuid4(), None, ref("c1"), AT)
    assert project.balance == rub("-800")
    project.change_negative_limit(rub("500"), AT)
    assert project.available == rub("-300")
    assert project.balance == rub("-800")  # history untouched
    with pytest.raises(InsufficientFunds):
        project.place_hold(uuid4(), uuid4(), rub("0.01"), ref("o2"), AT)
    project.top_up(uuid4(), rub("300.01"), ref("p1", ReferenceKind.PAYMENT), AT)
    project.place_hold(uuid4(), uuid4(), rub("0.01"), ref("o3"), AT)
    assert any(isinstance(e, NegativeLimitChanged) for e in project.events)


def test_limits_and_amounts_are_validated():
    project = new_project()
    with pytest.raises(InvalidLimit):
        project.change_negative_limit(rub("-1"), AT)
    with pytest.raises(InvalidAmount):
        project.top_up(uuid4(), rub("0"), ref("p", ReferenceKind.PAYMENT), AT)
    with pytest.raises(InvalidAmount):
        project.place_hold(uuid4(), uuid4(), rub("-5"), ref("o"), AT)
    with pytest.raises(CurrencyMismatch):
        project.top_up(uuid4(), Money.parse("5", "KZT"), ref("p", ReferenceKind.PAYMENT), AT)


def test_a_debit_adjustment_may_not_overdraw():
    project = new_project()
    project.top_up(uuid4(), rub("10"), ref("p1", ReferenceKind.PAYMENT), AT)
    with pytest.raises(InsufficientFunds):
        project.adjust(uuid4(), rub("-10.01"), ref("fix-1", ReferenceKind.MANUAL), "typo", AT)
    entry = project.adjust(uuid4(), rub("-10"), ref("fix-2", ReferenceKind.MANUAL), "typo", AT)
    assert entry.balance_after == rub("0")


def test_a_frozen_project_takes_money_in_but_does_not_spend():
    project = new_project()
    project.top_up(uuid4(), rub("10"), ref("p1", ReferenceKind.PAYMENT), AT)
    project.status = ProjectStatus.FROZEN
    with pytest.raises(ProjectFrozen):
        project.place_hold(uuid4(), uuid4(), rub("1"), ref("o"), AT)
    project.top_up(uuid4(), rub("10"), ref("p2", ReferenceKind.PAYMENT), AT)


def test_every_entry_is_numbered_and_announced():
    project = new_project()
    project.top_up(uuid4(), rub("10"), ref("p1", ReferenceKind.PAYMENT), AT)
    hold, entry = project.place_hold(uuid4(), uuid4(), rub("4"), ref("o"), AT)
    assert entry.sequence == 2 and entry.kind is EntryKind.HOLD and entry.hold_id == hold.id
    posted = [e for e in project.events if isinstance(e, LedgerEntryPosted)]
    assert [e.sequence for e in posted] == [1, 2]
    assert posted[-1].available_after == rub("6")


def test_b2b_codes_follow_one_rule():
    code = b2b_code(Region.KZ, 2**40 - 1)
    assert code == "KZ-ZZZZ-ZZZZ" and is_b2b_code(code)
    assert b2b_code(Region.RU, 0) == "RU-0000-0000"
    assert not is_b2b_code("RU-IIII-0000")
    with pytest.raises(ValueError):
        b2b_code(Region.RU, 2**40)


def test_top_up_many_posts_what_top_up_posts_one_by_one():
    one_by_one, at_once = new_project(), new_project()
    at_once.id, at_once.events = one_by_one.id, []
    one_by_one.events = []
    for project in (one_by_one, at_once):
        project.change_negative_limit(rub("500.00"), AT)
        project.place_hold(uuid4(), uuid4(), rub("200.00"), ref("o-1"), AT)
    credits = [
        (uuid4(), rub(amount), ref(f"p-{n}", ReferenceKind.PAYMENT)) for n, amount in enumerate(("1.00", "2.50"))
    ]
    expected = [one_by_one.top_up(entry_id, amount, reference, AT) for entry_id, amount, reference in credits]
    entries = at_once.top_up_many(credits, AT)
    assert [vars(e) for e in entries] == [vars(e) for e in expected]
    assert at_once.events[-2:] == one_by_one.events[-2:]
    assert (at_once.balance, at_once.held, at_once.available, at_once.last_sequence) == (
        one_by_one.balance,
        one_by_one.held,
        one_by_one.available,
        one_by_one.last_sequence,
    )
    assert at_once.balance == rub("3.50") and at_once.available == rub("303.50")


def test_top_up_many_refuses_a_foreign_currency_and_changes_nothing():
    project = new_project()
    credits = [(uuid4(), rub("1.00"), ref("p-1")), (uuid4(), Money.parse("1.00", "KZT"), ref("p-2"))]
    with pytest.raises(CurrencyMismatch):
        project.top_up_many(credits, AT)
    assert project.balance == rub("0.00") and project.last_sequence == 0
    assert not [e for e in project.events if isinstance(e, LedgerEntryPosted)]
