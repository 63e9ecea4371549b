from __future__ import annotations

from uuid import UUID

from sqlalchemy import delete, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.repositories.keyset import after_keyset
from gifthub.adapters.persistence.repositories.tracker import Tracker
from gifthub.adapters.persistence.tables_orders import order_certificates, order_uploads, orders
from gifthub.domain.certificate import CertificateState, DeliveryStatus
from gifthub.domain.order import Order, OrderStatus


class SqlOrderRepository:
    def __init__(self, session: AsyncSession, tracker: Tracker) -> None:
        self._session, self._tracker = session, tracker

    def add(self, order: Order) -> None:
        self._session.add(order)
        self._tracker.track(order)

    async def get(self, order_id: UUID, *, for_update: bool = False) -> Order | None:
        order = await self._session.get(
            Order, order_id, with_for_update=for_update or None, populate_existing=for_update
        )
        if order is not None:
            self._tracker.track(order)
        return order

    async def list(
        self, project_id: UUID, *, statuses: frozenset[OrderStatus] | None, after: tuple[str, str] | None, limit: int
    ) -> list[Order]:
        query = (
            select(Order)
            .where(orders.c.project_id == project_id)
            .order_by(orders.c.created_at, orders.c.id)
            .limit(limit)
        )
        if statuses:
            query = query.where(orders.c.status.in_(sorted(statuses)))
        condition = after_keyset(orders, after)
        if condition is not None:
            query = query.where(condition)
        found = list((await self._session.execute(query)).scalars())
        for order in found:
            self._tracker.track(order)
        return found

    async def delete(self, order: Order) -> None:
        await self._session.execute(delete(order_uploads).where(order_uploads.c.order_id == order.id))
        await self._session.delete(order)

    async def ids_in_status(self, status: OrderStatus, limit: int) -> list[UUID]:
        query = select(orders.c.id).where(orders.c.status == status).order_by(orders.c.created_at).limit(limit)
        return list((await self._session.execute(query)).scalars())

    async def scheduled_and_delivered(self, limit: int) -> list[UUID]:
        c = order_certificates.c
        waiting = exists().where(
            c.order_id == orders.c.id, c.state == CertificateState.ISSUED, c.delivery_status == DeliveryStatus.WAITING
        )
        query = (
            select(orders.c.id)
            .where(orders.c.status == OrderStatus.SCHEDULED, ~waiting)
            .order_by(orders.c.updated_at)
            .limit(limit)
        )
        return list((await self._session.execute(query)).scalars())
