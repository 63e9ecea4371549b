"""The email delivery log on the ``email_deliveries`` table."""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.tables_bus import email_deliveries
from gifthub.domain.email import DeliveryStatus, EmailDelivery


def _delivery(row) -> EmailDelivery:
    return EmailDelivery(
        dedup_key=row.dedup_key,
        recipient=row.recipient,
        template=row.template,
        subject=row.subject,
        status=DeliveryStatus(row.status),
        recorded_at=row.recorded_at,
        reason=row.reason,
    )


class SqlEmailDeliveryLog:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._pending: list[EmailDelivery] = []

    async def get(self, dedup_key: str) -> EmailDelivery | None:
        row = (
            await self._session.execute(select(email_deliveries).where(email_deliveries.c.dedup_key == dedup_key))
        ).first()
        return None if row is None else _delivery(row)

    def add(self, delivery: EmailDelivery) -> None:
        self._pending.append(delivery)

    async def flush(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            await self._session.execute(
                insert(email_deliveries),
                [
                    {
                        "dedup_key": d.dedup_key,
                        "recipient": d.recipient,
                        "template": d.template,
                        "subject": d.subject[:500],
                        "status": d.status.value,
                        "reason": d.reason,
                        "recorded_at": d.recorded_at,
                    }
                    for d in pending
                ],
            )

    async def recent(self, limit: int) -> list[EmailDelivery]:
        query = select(email_deliveries).order_by(email_deliveries.c.recorded_at.desc()).limit(limit)
        return [_delivery(row) for row in (await self._session.execute(query)).all()]
