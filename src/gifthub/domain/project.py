"""A project: a unit of spending with a balance, holds and a negative-balance limit.

The project row carries running totals (balance, held, last entry sequence) so that a check-and-hold
is one locked row; the ledger entries it emits are the append-only truth those totals must sum to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from gifthub.domain.cabinet import clean_name
from gifthub.domain.errors import (
    CurrencyMismatch,
    InsufficientFunds,
    InvalidAmount,
    InvalidLimit,
    ProjectFrozen,
)
from gifthub.domain.events import DomainEvent, LedgerEntryPosted, NegativeLimitChanged, ProjectCreated
from gifthub.domain.hold import Hold
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.money import Currency, Money, require_positive
from gifthub.domain.reference import Reference
from gifthub.domain.region import Region


class ProjectStatus(StrEnum):
    ACTIVE = "active"
    FROZEN = "frozen"  # no new spending; money still comes in


@dataclass(eq=False)
class Project:
    id: UUID
    cabinet_id: UUID
    name: str
    region: Region
    b2b_code: str
    negative_limit: Money
    balance: Money
    held: Money
    last_sequence: int
    status: ProjectStatus
    created_at: datetime
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    @classmethod
    def create(
        cls, project_id: UUID, cabinet_id: UUID, name: str, region: Region, b2b_code: str, at: datetime
    ) -> Project:
        zero = Money.zero(region.currency)
        project = cls(
            id=project_id,
            cabinet_id=cabinet_id,
            name=clean_name(name),
            region=region,
            b2b_code=b2b_code,
            negative_limit=zero,
            balance=zero,
            held=zero,
            last_sequence=0,
            status=ProjectStatus.ACTIVE,
            created_at=at,
        )
        project.events.append(
            ProjectCreated(
                occurred_at=at,
                project_id=project_id,
                cabinet_id=cabinet_id,
                project_name=project.name,
                region=region.value,
                b2b_code=b2b_code,
            )
        )
        return project

    @property
    def currency(self) -> Currency:
        return self.region.currency

    @property
    def available(self) -> Money:
        return self.balance - self.held + self.negative_limit

    # limit ----------------------------------------------------------------------------------------
    def change_negative_limit(self, new_limit: Money, at: datetime) -> None:
        """Lowering below the current overdraft is allowed: it only blocks new spending."""
        if new_limit.currency is not self.currency:
            raise InvalidLimit(f"limit must be in {self.currency}", field="negative_limit")
        if new_limit.is_negative:
            raise InvalidLimit("limit must be zero or more", field="negative_limit")
        previous, self.negative_limit = self.negative_limit, new_limit
        if previous != new_limit:
            self.events.append(
                NegativeLimitChanged(occurred_at=at, project_id=self.id, previous=previous, current=new_limit)
            )

    # money in -------------------------------------------------------------------------------------
    def top_up(self, entry_id: UUID, amount: Money, reference: Reference, at: datetime) -> LedgerEntry:
        self._own(amount)
        require_positive(amount)
        self.balance = self.balance + amount
        return self._post(entry_id, EntryKind.TOP_UP, amount, reference, None, at)

    def top_up_many(self, credits: Sequence[tuple[UUID, Money, Reference]], at: datetime) -> list[LedgerEntry]:
        """Several top-ups at once (a bank statement's payments): the very entries and events that
        ``top_up`` gives for each in turn, the running totals kept in locals and written back once (on a
        stored project every attribute write is tracked, which made a 10,000-payment statement slow)."""
        balance, held, limit = self.balance, self.held, self.negative_limit
        sequence = self.last_sequence
        for _, amount, _ in credits:  # all checked before anything is posted
            self._own(amount)
            require_positive(amount)
        entries = []
        for entry_id, amount, reference in credits:
            balance = balance + amount
            sequence += 1
            totals = _Totals(balance, held, balance - held + limit)
            entries.append(self._entry(entry_id, sequence, EntryKind.TOP_UP, amount, reference, None, at, "", totals))
        self.balance, self.last_sequence = balance, sequence
        return entries

    def adjust(self, entry_id: UUID, amount: Money, reference: Reference, comment: str, at: datetime) -> LedgerEntry:
        """A manual correction by platform staff; a debit may not take ``available`` below zero."""
        self._own(amount)
        if amount.minor == 0:
            raise InvalidAmount("an adjustment must not be zero", field="amount")
        if amount.is_negative:
            self._ensure_covers(-amount)
        self.balance = self.balance + amount
        return self._post(entry_id, EntryKind.ADJUSTMENT, amount, reference, None, at, comment)

    # spending -------------------------------------------------------------------------------------
    def place_hold(
        self, hold_id: UUID, entry_id: UUID, amount: Money, reference: Reference, at: datetime
    ) -> tuple[Hold, LedgerEntry]:
        self._own(amount)
        require_positive(amount)
        if self.status is ProjectStatus.FROZEN:
            raise ProjectFrozen(f"project {self.b2b_code} is frozen: new spending is not allowed")
        self._ensure_covers(amount)
        zero = Money.zero(self.currency)
        hold = Hold(hold_id, self.id, reference, amount, zero, zero, at)
        self.held = self.held + amount
        return hold, self._post(entry_id, EntryKind.HOLD, amount, reference, hold_id, at)

    def release(
        self, hold: Hold, entry_id: UUID, amount: Money | None, reference: Reference, at: datetime
    ) -> LedgerEntry:
        self._own_hold(hold)
        taken = hold.take(amount)
        hold.released = hold.released + taken
        self.held = self.held - taken
        return self._post(entry_id, EntryKind.RELEASE, taken, reference, hold.id, at)

    def capture(
        self, hold: Hold, entry_id: UUID, amount: Money | None, reference: Reference, at: datetime
    ) -> LedgerEntry:
        self._own_hold(hold)
        taken = hold.take(amount)
        hold.captured = hold.captured + taken
        self.held = self.held - taken
        self.balance = self.balance - taken
        return self._post(entry_id, EntryKind.CAPTURE, taken, reference, hold.id, at)

    # internals ------------------------------------------------------------------------------------
    def _ensure_covers(self, amount: Money) -> None:
        if amount > self.available:
            raise InsufficientFunds(requested=amount, available=self.available)

    def _own(self, amount: Money) -> None:
        if amount.currency is not self.currency:
            raise CurrencyMismatch(
                f"project {self.b2b_code} keeps {self.currency}; got {amount.currency}", field="currency"
            )

    def _own_hold(self, hold: Hold) -> None:
        if hold.project_id != self.id:
            raise ValueError("hold belongs to another project")

    def _post(
        self,
        entry_id: UUID,
        kind: EntryKind,
        amount: Money,
        reference: Reference,
        hold_id: UUID | None,
        at: datetime,
        comment: str = "",
    ) -> LedgerEntry:
        self.last_sequence += 1
        totals = _Totals(self.balance, self.held, self.available)
        return self._entry(entry_id, self.last_sequence, kind, amount, reference, hold_id, at, comment, totals)

    def _entry(
        self,
        entry_id: UUID,
        sequence: int,
        kind: EntryKind,
        amount: Money,
        reference: Reference,
        hold_id: UUID | None,
        at: datetime,
        comment: str,
        totals: _Totals,
    ) -> LedgerEntry:
        entry = LedgerEntry(
            id=entry_id,
            project_id=self.id,
            sequence=sequence,
            kind=kind,
            amount=amount,
            reference=reference,
            hold_id=hold_id,
            balance_after=totals.balance,
            held_after=totals.held,
            created_at=at,
            comment=comment,
        )
        self.events.append(
            LedgerEntryPosted(
                occurred_at=at,
                project_id=self.id,
                entry_id=entry_id,
                sequence=sequence,
                kind=kind.value,
                amount=amount,
                reference=str(reference),
                balance_after=totals.balance,
                held_after=totals.held,
                available_after=totals.available,
            )
        )
        return entry


@dataclass(frozen=True, slots=True)
class _Totals:
    """The project's figures right after an entry, as the entry and its event record them."""

    balance: Money
    held: Money
    available: Money
