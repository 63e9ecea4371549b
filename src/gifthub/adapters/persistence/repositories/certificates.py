from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_orders import order_certificates
from gifthub.domain.certificate import Certificate, CertificateState, DeliveryStatus
from gifthub.domain.delivery import DeliveredBy
from gifthub.domain.order_line import DeliveryChannel

_c = order_certificates.c
_EMAILED_BY_GIFTHUB = (_c.delivered_by == DeliveredBy.GIFTHUB) & (_c.channel == DeliveryChannel.EMAIL)


class SqlCertificateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add_many(self, certificates: Sequence[Certificate]) -> None:
        self._session.add_all(certificates)

    async def get(self, certificate_id: UUID, *, for_update: bool = False) -> Certificate | None:
        return await self._session.get(
            Certificate, certificate_id, with_for_update=for_update or None, populate_existing=for_update
        )

    async def list_for_order(self, order_id: UUID, *, after_position: int | None, limit: int) -> list[Certificate]:
        query = select(Certificate).where(_c.order_id == order_id).order_by(_c.position).limit(limit)
        if after_position is not None:
            query = query.where(_c.position > after_position)
        return list((await self._session.execute(query)).scalars())

    async def all_for_order(self, order_id: UUID) -> list[Certificate]:
        query = select(Certificate).where(_c.order_id == order_id).order_by(_c.position)
        return list((await self._session.execute(query)).scalars())

    async def deliveries_due(self, now: datetime, limit: int) -> list[Certificate]:
        query = (
            select(Certificate)
            .where(
                _c.state == CertificateState.ISSUED,
                _c.delivery_status == DeliveryStatus.WAITING,
                _c.scheduled_at <= now,
                ~_EMAILED_BY_GIFTHUB,  # those are sent by claim_deliveries, not by the moment passing
            )
            .order_by(_c.scheduled_at)
            .limit(limit)
        )
        if self._session.bind.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        return list((await self._session.execute(query)).scalars())

    async def claim_deliveries(self, now: datetime, limit: int) -> list[Certificate]:
        query = (
            select(Certificate)
            .where(
                _c.delivery_status == DeliveryStatus.WAITING,
                _c.state == CertificateState.ISSUED,
                _EMAILED_BY_GIFTHUB,
                or_(_c.scheduled_at.is_(None), _c.scheduled_at <= now),
            )
            .order_by(_c.updated_at, _c.id)
            .limit(limit)
        )
        if self._session.bind.dialect.name == "postgresql":
            # Several workers: each emails only rows nobody else holds; the row leaves WAITING in the
            # same commit as its email request, so a later claim no longer finds it.
            query = query.with_for_update(skip_locked=True)
        return list((await self._session.execute(query)).scalars())

    async def count_by_state(self, order_id: UUID) -> dict[CertificateState, int]:
        query = select(_c.state, func.count()).where(_c.order_id == order_id).group_by(_c.state)
        return {CertificateState(state): int(n) for state, n in (await self._session.execute(query)).all()}

    async def count_awaiting_delivery(self, order_id: UUID) -> int:
        query = select(func.count()).where(
            _c.order_id == order_id, _c.state == CertificateState.ISSUED, _c.delivery_status == DeliveryStatus.WAITING
        )
        return int((await self._session.execute(query)).scalar_one())

    async def claim_due(self, now: datetime, limit: int) -> list[Certificate]:
        due = or_(
            _c.state.in_([CertificateState.PENDING, CertificateState.ORDERING]),
            (_c.state == CertificateState.ORDERED) & (_c.next_check_at <= now),
        )
        query = (
            select(Certificate)
            .where(due, or_(_c.next_check_at.is_(None), _c.next_check_at <= now))
            .order_by(_c.updated_at, _c.id)
            .limit(limit)
        )
        if self._session.bind.dialect.name == "postgresql":
            # Several workers: each takes rows nobody else holds; a crashed worker's locks die with it.
            query = query.with_for_update(skip_locked=True)
        return list((await self._session.execute(query)).scalars())
