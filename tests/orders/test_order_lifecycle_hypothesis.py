"""Random action sequences over an order, its certificates and the project's money."""

from __future__ import annotations

from uuid import uuid4

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from gifthub.domain.certificate import CertificateState
from gifthub.domain.errors import DomainError
from gifthub.domain.hold import Hold
from gifthub.domain.money import Money
from gifthub.domain.order import ALLOWED, FINISHED, OrderStatus
from gifthub.domain.order_settlement import (
    capture_certificate,
    queue_paid,
    release_rest,
    retry_reference,
    submit_order,
)
from gifthub.domain.project import Project
from gifthub.domain.reference import Reference, ReferenceKind
from gifthub.domain.region import Region
from tests.orders.builders import NOW, draft, line, product, recipient

FREE = product("9", fixed=(50000,), free=(10000, 500000, 5000))
nominal_text = st.integers(2, 100).map(lambda n: f"{n * 50}.00")


class OrderMachine(RuleBasedStateMachine):
    @initialize(
        lines=st.lists(
            st.tuples(
                st.lists(nominal_text, min_size=1, max_size=3),
                st.integers(1, 3),
                st.integers(0, 3),
                st.sampled_from(["0", "2.5", "-3", "7.77"]),
            ),
            min_size=1,
            max_size=3,
        ),
        balance=st.integers(0, 60_000),
    )
    def setup(self, lines, balance):
        self.project = Project.create(uuid4(), uuid4(), "P", Region.RU, "RU-1", NOW)
        if balance:
            self.project.top_up(
                uuid4(), Money(balance * 100, self.project.currency), Reference(ReferenceKind.PAYMENT, "p0"), NOW
            )
        self.order = draft(self.project.id, self.project.cabinet_id)
        for nominals, quantity, people, percent in lines:
            recipients = [recipient(f"r{i}@x.ru") for i in range(people)]
            self.order.add_line(line(FREE, nominals, quantity, recipients, percent), NOW)
        self.holds: list[Hold] = []
        self.certificates = []
        self.status_seen = self.order.status
        self.payments = 0

    def _try(self, action):
        before = self.order.status
        try:
            action()
        except DomainError:
            assert self.order.status is before  # a refused action changes nothing
        after = self.order.status
        if after is not before:
            assert after in ALLOWED[before], f"{before} -> {after}"

    def _hold(self, hold_id):
        return next(h for h in self.holds if h.id == hold_id)

    @rule()
    def submit(self):
        def act():
            placed = submit_order(self.order, self.project, uuid4(), uuid4(), NOW)
            if placed is not None:
                self.holds.append(placed[0])
                self.certificates = self.order.issue_certificates(uuid4, NOW)

        self._try(act)

    @precondition(lambda self: self.order.status is OrderStatus.AWAITING_PAYMENT)
    @rule()
    def payment_arrives(self):
        self.payments += 1
        self.project.top_up(uuid4(), self.order.total, Reference(ReferenceKind.PAYMENT, f"p{self.payments}"), NOW)
        hold, _ = queue_paid(self.order, self.project, uuid4(), uuid4(), NOW)
        self.holds.append(hold)
        self.certificates = self.order.issue_certificates(uuid4, NOW)

    @rule(dice=st.integers(0, 9))
    def cancel(self, dice):
        if dice == 0:  # rarely: a cancelled order ends the story
            self._try(lambda: self.order.cancel(NOW))

    @rule()
    def start(self):
        self._try(lambda: self.order.start_processing(NOW))

    @precondition(lambda self: self.certificates)
    @rule(index=st.integers(0, 10_000), outcome=st.sampled_from(["order", "taken", "issue", "fail", "retry"]))
    def certificate_step(self, index, outcome):
        certificate = self.certificates[index % len(self.certificates)]

        def act():
            if outcome == "order":
                certificate.begin_ordering(NOW)
            elif outcome == "taken":
                certificate.ordered("q1", NOW)
            elif outcome == "issue":
                certificate.issued("CODE", "", "", NOW)
                hold = self._hold(certificate.hold_id or self.order.hold_id)
                capture_certificate(self.project, hold, certificate, uuid4(), NOW)
            elif outcome == "fail":
                certificate.fail("refused", NOW)
            elif outcome == "retry":
                if self.order.status in FINISHED:
                    certificate.retry(uuid4(), NOW)
                    hold, _ = self.project.place_hold(
                        uuid4(), uuid4(), certificate.price, retry_reference(certificate), NOW
                    )
                    certificate.hold_id = hold.id
                    self.holds.append(hold)
                    self.order.start_processing(NOW)
                else:
                    certificate.retry(uuid4(), NOW)

        self._try(act)

    @precondition(lambda self: self.certificates)
    @rule(issue=st.lists(st.booleans(), min_size=1, max_size=8))
    def work_everything(self, issue):
        """The worker's pace: every unfinished certificate moves to the end; the last step issues or fails."""
        if self.order.status is OrderStatus.QUEUED:
            self.start()
        for _ in range(3):
            for index, certificate in enumerate(self.certificates):
                outcome = ["order", "taken", "issue" if issue[index % len(issue)] else "fail"]
                step = {"pending": 0, "ordering": 1, "ordered": 2}.get(certificate.state.value)
                if step is not None:
                    self.certificate_step(index, outcome[step])
        if self.order.status is OrderStatus.PROCESSING and all(c.is_terminal for c in self.certificates):
            self.finish()

    @precondition(
        lambda self: (
            self.order.status is OrderStatus.PROCESSING
            and self.certificates
            and all(c.is_terminal for c in self.certificates)
        )
    )
    @rule()
    def finish(self):
        delivered = sum(c.state is CertificateState.ISSUED for c in self.certificates)
        self.order.finish(delivered, len(self.certificates) - delivered, NOW)
        for hold in self.holds:
            release_rest(self.project, hold, uuid4(), NOW)

    @invariant()
    def totals_are_consistent(self):
        assert self.order.total.minor == sum(line.total.minor for line in self.order.lines)
        assert self.order.total == self.order.face_total + self.order.commission_total
        if self.certificates:
            assert len(self.certificates) == self.order.certificate_count
            assert sum(c.price.minor for c in self.certificates) == self.order.total.minor

    @invariant()
    def money_never_leaks(self):
        if not hasattr(self, "project"):
            return
        for hold in self.holds:
            assert hold.captured.minor + hold.released.minor <= hold.amount.minor
        captured = sum(h.captured.minor for h in self.holds)
        assert captured == sum(c.price.minor for c in self.certificates if c.captured)
        assert self.project.held.minor == sum(h.remaining.minor for h in self.holds)
        if self.order.status in FINISHED:
            assert self.project.held.minor == 0


TestOrderLifecycle = OrderMachine.TestCase
TestOrderLifecycle.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
