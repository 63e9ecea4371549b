"""Imperative mapping of the domain classes onto the tables; called once per process."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import composite, registry

from gifthub.adapters.persistence.mapping_counterparties import map_counterparties
from gifthub.adapters.persistence.mapping_identity import map_identity
from gifthub.adapters.persistence.mapping_orders import map_orders
from gifthub.adapters.persistence.tables_accounts import cabinets, holds, projects
from gifthub.domain.cabinet import Cabinet
from gifthub.domain.hold import Hold
from gifthub.domain.money import Money
from gifthub.domain.project import Project
from gifthub.domain.reference import Reference

mapper_registry = registry()
_mapped = False


def _money(table, column: str):
    return composite(Money, table.c[column], table.c.currency)


def _give_events_list(target, _context) -> None:
    # Loaded aggregates skip __init__; give them the list their methods append events to.
    target.events = []


def map_domain() -> None:
    global _mapped
    if _mapped:
        return
    _mapped = True
    mapper_registry.map_imperatively(Cabinet, cabinets)
    mapper_registry.map_imperatively(
        Project,
        projects,
        properties={
            "_currency": projects.c.currency,
            "_negative_limit_minor": projects.c.negative_limit_minor,
            "_balance_minor": projects.c.balance_minor,
            "_held_minor": projects.c.held_minor,
            "negative_limit": _money(projects, "negative_limit_minor"),
            "balance": _money(projects, "balance_minor"),
            "held": _money(projects, "held_minor"),
        },
    )
    mapper_registry.map_imperatively(
        Hold,
        holds,
        properties={
            "_currency": holds.c.currency,
            "_amount_minor": holds.c.amount_minor,
            "_captured_minor": holds.c.captured_minor,
            "_released_minor": holds.c.released_minor,
            "_reference_kind": holds.c.reference_kind,
            "_reference_value": holds.c.reference_value,
            "amount": _money(holds, "amount_minor"),
            "captured": _money(holds, "captured_minor"),
            "released": _money(holds, "released_minor"),
            "reference": composite(Reference, holds.c.reference_kind, holds.c.reference_value),
        },
    )
    map_identity(mapper_registry)
    map_orders(mapper_registry)
    for aggregate in (Cabinet, Project):
        event.listen(aggregate, "load", _give_events_list)
    map_counterparties(mapper_registry)
