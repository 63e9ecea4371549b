"""Imperative mapping of orders and certificates (domain classes stay plain)."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import composite, registry, relationship

from gifthub.adapters.persistence.tables_orders import order_certificates, orders
from gifthub.domain.certificate import Certificate
from gifthub.domain.hold import Hold
from gifthub.domain.money import Money
from gifthub.domain.order import Order


def _give_events_list(target, _context) -> None:
    target.events = []


def map_orders(mapper_registry: registry) -> None:
    # Never-loaded relationships: they only tell the flush to insert holds, then orders, then
    # certificates, so foreign keys hold when one transaction creates all three.
    mapper_registry.map_imperatively(Order, orders, properties={"_hold": relationship(Hold, lazy="raise")})
    c = order_certificates.c
    mapper_registry.map_imperatively(
        Certificate,
        order_certificates,
        properties={
            "_currency": c.currency,
            "_nominal_minor": c.nominal_minor,
            "_price_minor": c.price_minor,
            "nominal": composite(Money, c.nominal_minor, c.currency),
            "price": composite(Money, c.price_minor, c.currency),
            "_order": relationship(Order, lazy="raise"),
            "_hold": relationship(Hold, lazy="raise"),
        },
    )
    event.listen(Order, "load", _give_events_list)
