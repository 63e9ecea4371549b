"""Request and response bodies of cabinets, projects and the ledger. Amounts are decimal strings."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

from gifthub.domain.cabinet import Cabinet
from gifthub.domain.hold import Hold
from gifthub.domain.ledger import LedgerEntry
from gifthub.domain.money import Money, parse_currency
from gifthub.domain.project import Project
from gifthub.domain.reference import Reference

AmountText = Annotated[
    str,
    msgspec.Meta(
        max_length=40,
        description='A decimal string with at most the currency\'s decimals, e.g. "1500.00".',
        examples=["1500.00"],
    ),
]
CurrencyText = Annotated[str, msgspec.Meta(description="RUB, KZT or BYN", examples=["RUB"])]


class Body(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Every request body: unknown fields are an error, not silently ignored."""


class ReferenceIn(Body):
    kind: Annotated[str, msgspec.Meta(description="payment, invoice, order, certificate or manual")]
    value: Annotated[str, msgspec.Meta(max_length=200, description="The external id, e.g. a payment number")]

    def to_domain(self) -> Reference:
        return Reference.parse(self.kind, self.value)


class ReferenceOut(msgspec.Struct, frozen=True):
    kind: str
    value: str

    @classmethod
    def of(cls, reference: Reference) -> ReferenceOut:
        return cls(kind=reference.kind.value, value=reference.value)


def money_in(amount: str, currency: str, field: str = "amount") -> Money:
    return Money.parse(amount, parse_currency(currency), field=field)


# cabinets ----------------------------------------------------------------------------------------
class CreateCabinetIn(Body):
    name: Annotated[str, msgspec.Meta(max_length=200)]


class CabinetOut(msgspec.Struct, frozen=True):
    id: UUID
    name: str
    created_at: datetime

    @classmethod
    def of(cls, cabinet: Cabinet) -> CabinetOut:
        return cls(id=cabinet.id, name=cabinet.name, created_at=cabinet.created_at)


class CabinetPage(msgspec.Struct, frozen=True):
    items: list[CabinetOut]
    next_cursor: str | None


# projects ----------------------------------------------------------------------------------------
class CreateProjectIn(Body):
    name: Annotated[str, msgspec.Meta(max_length=200)]
    region: Annotated[str, msgspec.Meta(description="RU, KZ or BY; fixes the project's currency")]


class BalanceOut(msgspec.Struct, frozen=True):
    currency: str
    balance: str
    held: str
    negative_limit: str
    available: str

    @classmethod
    def of(cls, project: Project) -> BalanceOut:
        return cls(
            currency=project.currency.value,
            balance=project.balance.to_string(),
            held=project.held.to_string(),
            negative_limit=project.negative_limit.to_string(),
            available=project.available.to_string(),
        )


class ProjectOut(msgspec.Struct, frozen=True):
    id: UUID
    cabinet_id: UUID
    name: str
    region: str
    currency: str
    b2b_code: str
    status: str
    balance: BalanceOut
    created_at: datetime

    @classmethod
    def of(cls, project: Project) -> ProjectOut:
        return cls(
            id=project.id,
            cabinet_id=project.cabinet_id,
            name=project.name,
            region=project.region.value,
            currency=project.currency.value,
            b2b_code=project.b2b_code,
            status=project.status.value,
            balance=BalanceOut.of(project),
            created_at=project.created_at,
        )


class ProjectPage(msgspec.Struct, frozen=True):
    items: list[ProjectOut]
    next_cursor: str | None


class NegativeLimitIn(Body):
    amount: AmountText
    currency: CurrencyText


# ledger ------------------------------------------------------------------------------------------
class TopUpIn(Body):
    amount: AmountText
    currency: CurrencyText
    reference: ReferenceIn


class AdjustmentIn(Body):
    amount: Annotated[str, msgspec.Meta(max_length=40, description="Signed: negative debits the project")]
    currency: CurrencyText
    reference: ReferenceIn
    comment: Annotated[str, msgspec.Meta(min_length=1, max_length=500, description="Why, for the audit trail")]


class HoldIn(Body):
    amount: AmountText
    currency: CurrencyText
    reference: ReferenceIn


class SettleIn(Body):
    currency: CurrencyText
    reference: ReferenceIn
    amount: AmountText | None = None  # omitted: everything that remains on the hold


class EntryOut(msgspec.Struct, frozen=True):
    id: UUID
    sequence: int
    kind: str
    amount: str
    currency: str
    reference: ReferenceOut
    hold_id: UUID | None
    balance_after: str
    held_after: str
    comment: str
    created_at: datetime

    @classmethod
    def of(cls, entry: LedgerEntry) -> EntryOut:
        return cls(
            id=entry.id,
            sequence=entry.sequence,
            kind=entry.kind.value,
            amount=entry.amount.to_string(),
            currency=entry.amount.currency.value,
            reference=ReferenceOut.of(entry.reference),
            hold_id=entry.hold_id,
            balance_after=entry.balance_after.to_string(),
            held_after=entry.held_after.to_string(),
            comment=entry.comment,
            created_at=entry.created_at,
        )


class EntryPage(msgspec.Struct, frozen=True):
    items: list[EntryOut]
    next_cursor: str | None


class HoldOut(msgspec.Struct, frozen=True):
    id: UUID
    project_id: UUID
    reference: ReferenceOut
    currency: str
    amount: str
    captured: str
    released: str
    remaining: str
    status: str
    created_at: datetime

    @classmethod
    def of(cls, hold: Hold) -> HoldOut:
        return cls(
            id=hold.id,
            project_id=hold.project_id,
            reference=ReferenceOut.of(hold.reference),
            currency=hold.amount.currency.value,
            amount=hold.amount.to_string(),
            captured=hold.captured.to_string(),
            released=hold.released.to_string(),
            remaining=hold.remaining.to_string(),
            status=hold.status.value,
            created_at=hold.created_at,
        )


class PostingOut(msgspec.Struct, frozen=True):
    """The ledger line an operation wrote (or, when ``replayed``, the one it wrote before)."""

    entry: EntryOut
    balance: BalanceOut
    replayed: bool
    hold: HoldOut | None = None
