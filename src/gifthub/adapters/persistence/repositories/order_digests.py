"""What notices about an order need from ``orders`` and ``order_certificates``."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_accounts import projects
from gifthub.adapters.persistence.tables_orders import order_certificates, orders
from gifthub.application.ports.order_digests import OrderDigest
from gifthub.domain.certificate import CertificateState
from gifthub.domain.money import Money


class SqlOrderDigests:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, order_id: UUID) -> OrderDigest | None:
        captured = (
            select(func.coalesce(func.sum(order_certificates.c.price_minor), 0))
            .where(order_certificates.c.order_id == order_id, order_certificates.c.state == CertificateState.ISSUED)
            .scalar_subquery()
        )
        query = (
            select(orders.c.id, orders.c.project_id, orders.c.created_by, orders.c.currency, projects.c.name, captured)
            .join(projects, projects.c.id == orders.c.project_id)
            .where(orders.c.id == order_id)
        )
        row = (await self._session.execute(query)).first()
        if row is None:
            return None
        return OrderDigest(row[0], row[1], row[4], row[2], Money(int(row[5]), row[3]))
