"""Hand-written in-memory fakes of the ports: fast, readable use-case tests (cosmicpython style)."""

from __future__ import annotations

import copy
from itertools import count
from uuid import UUID, uuid4

from gifthub.application.errors import ConcurrencyConflict
from gifthub.application.ports.ledger_repository import EntryFilter
from gifthub.domain.audit import AuditRecord
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.events import DomainEvent
from gifthub.domain.hold import Hold
from gifthub.domain.ledger import EntryKind, LedgerEntry
from gifthub.domain.project import Project
from gifthub.domain.reference import Reference


class FakeStore:
    """What a database would hold; each unit of work works on a copy and swaps it in on commit."""

    def __init__(self) -> None:
        self.cabinets: dict[UUID, Cabinet] = {}
        self.projects: dict[UUID, Project] = {}
        self.holds: dict[UUID, Hold] = {}
        self.entries: list[LedgerEntry] = []
        self.outbox: list[DomainEvent] = []
        self.audit: list[AuditRecord] = []
        self.commits = 0
        self.conflicts_to_raise = 0  # simulate lost races at commit


class FakeCabinets:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow = uow

    def add(self, cabinet):
        self.uow.state.cabinets[cabinet.id] = cabinet
        self.uow.seen.append(cabinet)

    async def get(self, cabinet_id):
        return self.uow.state.cabinets.get(cabinet_id)

    async def get_by_name(self, name):
        return next((c for c in self.uow.state.cabinets.values() if c.name == name), None)

    async def list(self, *, after, limit, ids):
        rows = sorted(self.uow.state.cabinets.values(), key=lambda c: (c.created_at, str(c.id)))
        return [c for c in rows if ids is None or c.id in ids][:limit]


class FakeProjects:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow = uow

    def add(self, project):
        self.uow.state.projects[project.id] = project
        self.uow.seen.append(project)

    async def get(self, project_id, *, for_update=False):
        project = self.uow.state.projects.get(project_id)
        if project is not None:
            self.uow.seen.append(project)
        return project

    async def get_by_b2b_code(self, code):
        return next((p for p in self.uow.state.projects.values() if p.b2b_code == code), None)

    async def b2b_code_taken(self, code):
        return await self.get_by_b2b_code(code) is not None

    async def list(self, *, cabinet_ids, after, limit):
        rows = sorted(self.uow.state.projects.values(), key=lambda p: (p.created_at, str(p.id)))
        return [p for p in rows if cabinet_ids is None or p.cabinet_id in cabinet_ids][:limit]


class FakeLedger:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow = uow

    def add_entry(self, entry):
        self.uow.state.entries.append(entry)

    async def insert_entries(self, entries):
        self.uow.state.entries.extend(entries)

    def add_hold(self, hold):
        self.uow.state.holds[hold.id] = hold

    async def find_entry(self, kind: EntryKind, reference: Reference):
        return next((e for e in self.uow.state.entries if e.kind is kind and e.reference == reference), None)

    async def get_hold(self, hold_id):
        return self.uow.state.holds.get(hold_id)

    async def find_hold(self, reference):
        return next((h for h in self.uow.state.holds.values() if h.reference == reference), None)

    async def list_entries(self, entry_filter: EntryFilter, limit: int):
        rows = [e for e in self.uow.state.entries if e.project_id == entry_filter.project_id]
        return sorted(rows, key=lambda e: -e.sequence)[:limit]

    async def totals(self, project_id):
        rows = [e for e in self.uow.state.entries if e.project_id == project_id]
        return sum(e.balance_delta.minor for e in rows), sum(e.held_delta.minor for e in rows)


class FakeAudit:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow = uow

    def add(self, record: AuditRecord) -> None:
        self.uow.state.audit.append(record)

    async def list(self, query, *, after, limit):
        return self.uow.state.audit[:limit]


class FakeUnitOfWork:
    def __init__(self, store: FakeStore | None = None) -> None:
        self.store = store or FakeStore()

    async def __aenter__(self):
        self.state = copy.deepcopy(self.store)
        self.seen: list = []
        self.loose: list[DomainEvent] = []
        self.cabinets = FakeCabinets(self)
        self.projects = FakeProjects(self)
        self.ledger = FakeLedger(self)
        self.audit = FakeAudit(self)
        return self

    async def __aexit__(self, *exc):
        self.state = None

    def record(self, event):
        self.loose.append(event)

    async def commit(self):
        if self.store.conflicts_to_raise:
            self.store.conflicts_to_raise -= 1
            raise ConcurrencyConflict("simulated race")
        events = list(self.loose)
        for aggregate in self.seen:
            events.extend(aggregate.events)
            aggregate.events.clear()
        self.state.outbox.extend(events)
        self.state.commits = self.store.commits + 1
        self.state.conflicts_to_raise = 0
        self.store.__dict__.update(self.state.__dict__)

    async def rollback(self):
        pass


class FakeClock:
    def __init__(self, moment):
        self.moment = moment

    def now(self):
        return self.moment


class SequentialIds:
    def __init__(self) -> None:
        self._bits = count(1)

    def new_id(self):
        return uuid4()

    def random_bits(self, bits):
        return next(self._bits) % (2**bits)
