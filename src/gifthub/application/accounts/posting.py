"""The shared shape of every money operation: lock, replay-or-apply, commit, retry on a race."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_sees_project
from gifthub.application.errors import IdempotencyConflict
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.application.retry import retrying
from gifthub.domain.hold import Hold
from gifthub.domain.identity import Principal
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.money import Money
from gifthub.domain.project import Project
from gifthub.domain.reference import Reference


@dataclass(frozen=True)
class Posted:
    entry: LedgerEntry
    project: Project
    replayed: bool  # True: this reference was applied before; nothing new was written
    hold: Hold | None = None  # the hold the entry placed, captured or released


async def post_once(
    uow_factory: UnitOfWork,
    principal: Principal,
    project_id: UUID,
    kind: EntryKind,
    reference: Reference,
    amount: Money | None,
    apply: Callable[[UnitOfWork, Project], Awaitable[LedgerEntry]],
    authorize: Callable[[Principal, Project], None] | None = None,
    hold_id: UUID | None = None,
) -> Posted:
    """Apply ``apply(uow, project)`` exactly once per (kind, reference), platform-wide.

    The project row is locked first, so two requests for one project serialize; a replay with the
    same project, kind and amount returns the original entry; anything else under that reference
    is an IdempotencyConflict. Two projects racing for one reference meet at the unique key and the
    loser retries into the replay check.
    """

    async def attempt() -> Posted:
        async with uow_factory as uow:
            project = ensure_sees_project(principal, await uow.projects.get(project_id, for_update=True))
            if authorize is not None:
                authorize(principal, project)
            existing = await uow.ledger.find_entry(kind, reference)
            if existing is not None:
                same_hold = hold_id is None or existing.hold_id == hold_id
                if not (same_hold and existing.same_operation(kind, amount, project.id)):
                    raise IdempotencyConflict(
                        f"reference {reference} was already used for another {kind.value} "
                        f"({existing.amount.to_string()} {existing.amount.currency})",
                        field="reference",
                    )
                return Posted(existing, project, replayed=True, hold=await _hold_of(uow, existing))
            entry = await apply(uow, project)
            uow.ledger.add_entry(entry)
            hold = await _hold_of(uow, entry)  # already in the session: no extra query
            await uow.commit()
            return Posted(entry, project, replayed=False, hold=hold)

    return await retrying(attempt)


async def _hold_of(uow: UnitOfWork, entry: LedgerEntry) -> Hold | None:
    return await uow.ledger.get_hold(entry.hold_id) if entry.hold_id is not None else None
