from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.custom_plans import plan_for_values
from gifthub.adapters.persistence.tables_accounts import ledger_entries
from gifthub.adapters.persistence.tables_billing import billing_payments as t
from gifthub.application.errors import InvalidCursor
from gifthub.domain.billing.payment import Payment, PaymentStatus
from gifthub.domain.ledger import EntryKind
from gifthub.domain.money import Currency, Money
from gifthub.domain.reference import ReferenceKind

_CHUNK = 500


def _row(p: Payment) -> dict:
    return {
        "id": p.id,
        "reference": p.reference,
        "document_number": p.document_number,
        "document_date": p.document_date,
        "currency": p.amount.currency,
        "amount_minor": p.amount.minor,
        "payer_name": p.payer_name,
        "payer_inn": p.payer_inn,
        "payer_account": p.payer_account,
        "purpose": p.purpose,
        "status": p.status,
        "reason": p.reason,
        "invoice_id": p.invoice_id,
        "project_id": p.project_id,
        "overpaid_minor": p.overpaid.minor if p.overpaid is not None else None,
        "credited": p.credited,
        "received_at": p.received_at,
    }


def _payment(row) -> Payment:
    currency = Currency(row.currency)
    return Payment(
        id=row.id,
        reference=row.reference,
        document_number=row.document_number,
        document_date=row.document_date,
        amount=Money(row.amount_minor, currency),
        payer_name=row.payer_name,
        payer_inn=row.payer_inn,
        payer_account=row.payer_account,
        purpose=row.purpose,
        status=PaymentStatus(row.status),
        reason=row.reason,
        received_at=row.received_at,
        invoice_id=row.invoice_id,
        project_id=row.project_id,
        overpaid=Money(row.overpaid_minor, currency) if row.overpaid_minor is not None else None,
        credited=row.credited,
    )


class SqlPaymentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._pending: list[dict] = []

    async def known_references(self, references: list[str]) -> set[str]:
        await plan_for_values(self._session)
        known: set[str] = set()
        for start in range(0, len(references), _CHUNK):
            chunk = references[start : start + _CHUNK]
            known.update(await self._session.scalars(select(t.c.reference).where(t.c.reference.in_(chunk))))
        return known

    async def add(self, payment: Payment) -> None:
        # Buffered and written in one executemany at flush: a statement of 10,000 payments is one round trip.
        self._pending.append(_row(payment))

    async def flush(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            await self._session.execute(insert(t), pending)

    async def update(self, payment: Payment) -> None:
        values = _row(payment)
        values.pop("id")
        await self._session.execute(update(t).where(t.c.id == payment.id).values(values))

    async def get(self, payment_id: UUID, *, for_update: bool = False) -> Payment | None:
        query = select(t).where(t.c.id == payment_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).first()
        return _payment(row) if row else None

    async def uncredited_among(self, references: list[str]) -> list[Payment]:
        await plan_for_values(self._session)
        found: list[Payment] = []
        for start in range(0, len(references), _CHUNK):
            query = select(t).where(
                t.c.reference.in_(references[start : start + _CHUNK]),
                t.c.status == PaymentStatus.APPLIED,
                t.c.credited.is_(False),
            )
            found.extend(_payment(r) for r in await self._session.execute(query))
        return found

    async def list(self, status: PaymentStatus | None, *, after: tuple[str, str] | None, limit: int) -> list[Payment]:
        query = select(t).order_by(t.c.received_at, t.c.id).limit(limit)
        if status is not None:
            query = query.where(t.c.status == status)
        if after is not None:
            try:
                moment, row_id = datetime.fromisoformat(str(after[0])), UUID(str(after[1]))
            except ValueError:
                raise InvalidCursor("cursor is not one this API issued", field="cursor") from None
            query = query.where(or_(t.c.received_at > moment, and_(t.c.received_at == moment, t.c.id > row_id)))
        return [_payment(r) for r in await self._session.execute(query)]

    async def uncredited(self, limit: int) -> list[Payment]:
        query = (
            select(t)
            .where(t.c.status == PaymentStatus.APPLIED, t.c.credited.is_(False))
            .order_by(t.c.received_at, t.c.id)
            .limit(limit)
        )
        return [_payment(r) for r in await self._session.execute(query)]

    async def references_in_ledger(self, references: list[str]) -> set[str]:
        await plan_for_values(self._session)
        found: set[str] = set()
        for start in range(0, len(references), _CHUNK):
            query = select(ledger_entries.c.reference_value).where(
                ledger_entries.c.kind == EntryKind.TOP_UP,
                ledger_entries.c.reference_kind == ReferenceKind.PAYMENT,
                ledger_entries.c.reference_value.in_(references[start : start + _CHUNK]),
            )
            found.update(await self._session.scalars(query))
        return found

    async def mark_credited(self, payment_ids: list[UUID]) -> None:
        for start in range(0, len(payment_ids), _CHUNK):
            chunk = payment_ids[start : start + _CHUNK]
            await self._session.execute(update(t).where(t.c.id.in_(chunk)).values(credited=True))
