"""Capture (spend) or release (give back) all or part of a hold; both are idempotent on a reference."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.accounts.posting import Posted, post_once
from gifthub.application.authorization import ensure_can_spend
from gifthub.application.errors import NotFound
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.money import Money
from gifthub.domain.project import Project
from gifthub.domain.reference import Reference


@dataclass(frozen=True)
class SettleHoldCommand:
    project_id: UUID
    hold_id: UUID
    amount: Money | None  # None: everything that remains
    reference: Reference  # this capture or release, e.g. a certificate


class _SettleHold:
    kind: EntryKind

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: SettleHoldCommand) -> Posted:
        async def apply(uow: UnitOfWork, project: Project) -> LedgerEntry:
            hold = await uow.ledger.get_hold(command.hold_id)
            if hold is None or hold.project_id != project.id:
                raise NotFound("hold not found")
            operate = project.capture if self.kind is EntryKind.CAPTURE else project.release
            entry = operate(hold, self._ids.new_id(), command.amount, command.reference, self._clock.now())
            uow.ledger.add_hold(hold)  # already tracked; re-adding keeps the repository's contract simple
            return entry

        return await post_once(
            self._uow,
            principal,
            command.project_id,
            self.kind,
            command.reference,
            command.amount,
            apply,
            authorize=ensure_can_spend,
            hold_id=command.hold_id,
        )


class CaptureHold(_SettleHold):
    kind = EntryKind.CAPTURE


class ReleaseHold(_SettleHold):
    kind = EntryKind.RELEASE
