from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.accounts.posting import Posted, post_once
from gifthub.application.audit_trail import audit_project, money_state
from gifthub.application.authorization import ensure_platform_admin
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.money import Money
from gifthub.domain.project import Project
from gifthub.domain.reference import Reference


@dataclass(frozen=True)
class AdjustBalanceCommand:
    project_id: UUID
    amount: Money  # signed: a credit or a debit
    reference: Reference
    comment: str


class AdjustBalance:
    """A manual correction by a platform administrator, with a written reason; audited with the money
    before and after, the amount and the reason (a replay writes no second record)."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: AdjustBalanceCommand) -> Posted:
        comment = " ".join(command.comment.split())[:500]

        async def apply(uow: UnitOfWork, project: Project) -> LedgerEntry:
            now, before = self._clock.now(), money_state(project)
            entry = project.adjust(self._ids.new_id(), command.amount, command.reference, comment, now)
            after = {**money_state(project), "amount": command.amount.to_string(), "comment": comment,
                     "reference": str(command.reference), "entry_id": str(entry.id)}  # fmt: skip
            audit_project(
                uow, self._ids.new_id(), now, principal, "project.adjusted", project, before=before, after=after
            )
            return entry

        return await post_once(
            self._uow,
            principal,
            command.project_id,
            EntryKind.ADJUSTMENT,
            command.reference,
            command.amount,
            apply,
            authorize=lambda p, _project: ensure_platform_admin(p, "adjust balances"),
        )
