"""Remembers the aggregates a unit of work touched, to collect their events at commit."""

from __future__ import annotations

from gifthub.domain.events import DomainEvent


class Tracker:
    def __init__(self) -> None:
        self._seen: dict[int, object] = {}
        self._loose: list[DomainEvent] = []

    def record(self, event: DomainEvent) -> None:
        self._loose.append(event)

    def track(self, aggregate: object) -> None:
        self._seen[id(aggregate)] = aggregate

    def collect_events(self) -> list[DomainEvent]:
        events: list[DomainEvent] = list(self._loose)
        self._loose.clear()
        for aggregate in self._seen.values():
            pending = getattr(aggregate, "events", None)
            if pending:
                events.extend(pending)
                pending.clear()
        return sorted(events, key=lambda e: e.occurred_at)
