"""For any sequence of operations, the ledger's invariants hold (hypothesis state machine)."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from gifthub.domain.errors import DomainError
from gifthub.domain.ledger import EntryKind
from gifthub.domain.money import Currency, Money
from gifthub.domain.project import Project
from gifthub.domain.reference import Reference, ReferenceKind
from gifthub.domain.region import Region

AT = datetime(2026, 1, 1, tzinfo=UTC)
amounts = st.integers(min_value=-5_000, max_value=50_000).map(lambda m: Money(m, Currency.RUB))


def ref() -> Reference:
    return Reference(ReferenceKind.ORDER, uuid4().hex)


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.project = Project.create(uuid4(), uuid4(), "P", Region.RU, "RU-0000-0001", AT)
        self.entries = []
        self.holds = []

    def _apply(self, operation, spends: bool = False) -> None:
        before = (self.project.balance, self.project.held, self.project.last_sequence)
        try:
            result = operation()
        except DomainError:
            # A refusal changes nothing at all.
            assert (self.project.balance, self.project.held, self.project.last_sequence) == before
            return
        hold, entry = result if isinstance(result, tuple) else (None, result)
        if hold is not None:
            self.holds.append(hold)
        self.entries.append(entry)
        if spends:
            assert self.project.available.minor >= 0, "a spending operation left available below zero"

    @rule(amount=amounts)
    def top_up(self, amount):
        self._apply(lambda: self.project.top_up(uuid4(), amount, ref(), AT))

    @rule(amount=amounts)
    def hold(self, amount):
        self._apply(lambda: self.project.place_hold(uuid4(), uuid4(), amount, ref(), AT), spends=True)

    @rule(amount=amounts)
    def adjust(self, amount):
        self._apply(lambda: self.project.adjust(uuid4(), amount, ref(), "fix", AT), spends=amount.is_negative)

    @rule(limit=st.integers(min_value=-100, max_value=30_000))
    def change_limit(self, limit):
        try:
            self.project.change_negative_limit(Money(limit, Currency.RUB), AT)
        except DomainError:
            assert limit < 0

    @precondition(lambda self: self.holds)
    @rule(index=st.integers(min_value=0), amount=st.one_of(st.none(), amounts), capture=st.booleans())
    def settle(self, index, amount, capture):
        hold = self.holds[index % len(self.holds)]
        operate = self.project.capture if capture else self.project.release
        self._apply(lambda: operate(hold, uuid4(), amount, ref(), AT))

    @invariant()
    def totals_are_the_sum_of_the_entries(self):
        balance = sum(e.balance_delta.minor for e in self.entries)
        held = sum(e.held_delta.minor for e in self.entries)
        assert (balance, held) == (self.project.balance.minor, self.project.held.minor)

    @invariant()
    def held_is_what_remains_of_the_holds(self):
        assert self.project.held.minor == sum(h.remaining.minor for h in self.holds)
        for hold in self.holds:
            assert 0 <= hold.remaining.minor <= hold.amount.minor

    @invariant()
    def entries_are_numbered_without_gaps_and_carry_running_totals(self):
        assert [e.sequence for e in self.entries] == list(range(1, len(self.entries) + 1))
        if self.entries:
            last = self.entries[-1]
            assert (last.balance_after, last.held_after) == (self.project.balance, self.project.held)
        assert all(e.amount.minor > 0 for e in self.entries if e.kind is not EntryKind.ADJUSTMENT)


TestLedgerProperties = LedgerMachine.TestCase
TestLedgerProperties.settings = settings(max_examples=300, stateful_step_count=40, deadline=None)
