"""What an order's use case reads before it locks the project: the caller's view of the project, the
orderer's time zone, and the products and prices its lines name.

The project is read again, locked, in the use case's own transaction; nothing read here decides about
money. Catalog and prices come through connections of their own, so they are read here, while the
use case holds no connection: holding the project's lock (and its connection) while waiting for a
second pooled connection lets a burst of requests take every connection and wait for ever."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ordering.access import project_for
from gifthub.application.ordering.commands import LineInput
from gifthub.application.ordering.lines import LineBuilder, PricedCatalog
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.project import Project


@dataclass(frozen=True)
class Prepared:
    project: Project  # as read before the lock: for prices and checks, never for money
    time_zone: str  # the orderer's: their profile's, else the project region's
    priced: PricedCatalog


async def orderer_zone(uow: OrdersUnitOfWork, principal: Principal, project: Project) -> str:
    """A person's profile zone; an API key, the platform or the system: the project region's."""
    if principal.kind is PrincipalKind.USER:
        try:
            zone = await uow.zones.zone_of(UUID(principal.id))
        except ValueError:
            zone = None
        if zone:
            return zone
    return project.region.time_zone


async def prepare(
    uow: OrdersUnitOfWork,
    builder: LineBuilder,
    principal: Principal,
    project_id: UUID,
    inputs: Sequence[LineInput],
) -> Prepared:
    async with uow:
        project = await project_for(uow, principal, project_id, write=False)
        zone = await orderer_zone(uow, principal, project)
    return Prepared(project, zone, await builder.read(project, inputs))  # no unit of work open
