from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.accounts.posting import Posted, post_once
from gifthub.application.authorization import ensure_can_spend, with_step_up
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.money import Money
from gifthub.domain.project import Project
from gifthub.domain.reference import Reference


@dataclass(frozen=True)
class PlaceHoldCommand:
    project_id: UUID
    amount: Money
    reference: Reference  # what the money is reserved for, e.g. an order


class PlaceHold:
    """Reserve funds within ``available`` (balance − held + limit), atomically under concurrency."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: PlaceHoldCommand) -> Posted:
        async def apply(uow: UnitOfWork, project: Project) -> LedgerEntry:
            hold, entry = project.place_hold(
                self._ids.new_id(), self._ids.new_id(), command.amount, command.reference, self._clock.now()
            )
            uow.ledger.add_hold(hold)
            return entry

        return await post_once(
            self._uow,
            principal,
            command.project_id,
            EntryKind.HOLD,
            command.reference,
            command.amount,
            apply,
            authorize=with_step_up(ensure_can_spend, self._clock.now(), "placing a hold"),
        )
