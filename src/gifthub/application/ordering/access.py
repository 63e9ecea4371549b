"""Loading an order for a caller: another tenant's order does not exist for them."""

from __future__ import annotations

from uuid import UUID

from gifthub.application.authorization import ensure_can_spend, ensure_sees_project
from gifthub.application.errors import NotFound
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.order import Order
from gifthub.domain.project import Project


async def project_for(uow: OrdersUnitOfWork, principal: Principal, project_id: UUID, *, write: bool) -> Project:
    # Writers lock the project first, always: project, then order, then certificates.
    project = ensure_sees_project(principal, await uow.projects.get(project_id, for_update=write))
    if write:
        ensure_can_spend(principal, project)
    return project


async def order_for(
    uow: OrdersUnitOfWork, principal: Principal, project_id: UUID, order_id: UUID, *, write: bool
) -> tuple[Project, Order]:
    project = await project_for(uow, principal, project_id, write=write)
    order = await uow.orders.get(order_id, for_update=write)
    if order is None or order.project_id != project.id:
        raise NotFound("order not found")
    return project, order
