from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import and_, bindparam, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gifthub.adapters.persistence.custom_plans import plan_for_values
from gifthub.adapters.persistence.tables_accounts import projects
from gifthub.adapters.persistence.tables_billing import billing_invoice_counters as counters
from gifthub.adapters.persistence.tables_billing import billing_invoices as t
from gifthub.application.errors import InvalidCursor
from gifthub.application.ports.invoice_repository import InvoiceFilter
from gifthub.domain.billing.invoice import Buyer, Invoice, InvoiceKind, InvoiceLine, InvoiceStatus
from gifthub.domain.money import Currency, Money


def _row(invoice: Invoice) -> dict:
    lines = [{"title": x.title, "unit_minor": x.unit_price.minor, "quantity": x.quantity} for x in invoice.lines]
    b = invoice.buyer
    return {
        "id": invoice.id,
        "seller_id": invoice.seller_id,
        "project_id": invoice.project_id,
        "number": invoice.number,
        "kind": invoice.kind,
        "status": invoice.status,
        "currency": invoice.currency,
        "total_minor": invoice.total.minor,
        "vat_minor": invoice.vat.minor,
        "vat_percent": str(invoice.vat_percent) if invoice.vat_percent is not None else None,
        "paid_minor": invoice.paid.minor,
        "lines": json.dumps(lines, ensure_ascii=False),
        "buyer_name": b.name,
        "buyer_inn": b.inn,
        "buyer_kpp": b.kpp,
        "buyer_address": b.address,
        "buyer_email": b.email,
        "order_id": invoice.order_id,
        "issued_on": invoice.issued_on,
        "due_on": invoice.due_on,
        "created_at": invoice.created_at,
    }


def _invoice(row) -> Invoice:
    currency = Currency(row.currency)
    lines = tuple(
        InvoiceLine(x["title"], Money(x["unit_minor"], currency), x["quantity"]) for x in json.loads(row.lines)
    )
    return Invoice(
        id=row.id,
        seller_id=row.seller_id,
        project_id=row.project_id,
        number=row.number,
        kind=InvoiceKind(row.kind),
        issued_on=row.issued_on,
        due_on=row.due_on,
        buyer=Buyer(row.buyer_name, row.buyer_inn, row.buyer_kpp, row.buyer_address, row.buyer_email),
        lines=lines,
        vat_percent=Decimal(row.vat_percent) if row.vat_percent is not None else None,
        vat=Money(row.vat_minor, currency),
        status=InvoiceStatus(row.status),
        paid=Money(row.paid_minor, currency),
        created_at=row.created_at,
        order_id=row.order_id,
    )


class SqlInvoiceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def next_sequence(self, seller_id: UUID, year: int) -> int:
        key = and_(counters.c.seller_id == seller_id, counters.c.year == year)
        current = await self._session.scalar(select(counters.c.last_number).where(key).with_for_update())
        if current is None:
            # Two first invoices of a year race here: one insert wins, the other retries (unique key).
            await self._session.execute(insert(counters).values(seller_id=seller_id, year=year, last_number=1))
            return 1
        await self._session.execute(update(counters).where(key).values(last_number=current + 1))
        return current + 1

    async def add(self, invoice: Invoice) -> None:
        await self._session.execute(insert(t).values(_row(invoice)))

    async def update(self, invoice: Invoice) -> None:
        await self._session.execute(
            update(t).where(t.c.id == invoice.id).values(status=invoice.status, paid_minor=invoice.paid.minor)
        )

    async def update_many(self, invoices: list[Invoice]) -> None:
        if not invoices:
            return
        statement = (
            update(t)
            .where(t.c.id == bindparam("b_id"))
            .values(status=bindparam("b_status"), paid_minor=bindparam("b_paid"))
        )
        rows = [{"b_id": i.id, "b_status": i.status, "b_paid": i.paid.minor} for i in invoices]
        # executemany: one round trip for a statement's worth of invoices
        await self._session.execute(statement, rows)

    async def get(self, invoice_id: UUID, *, for_update: bool = False) -> Invoice | None:
        query = select(t).where(t.c.id == invoice_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._session.execute(query)).first()
        return _invoice(row) if row else None

    async def by_numbers(self, numbers: list[str], *, for_update: bool = False) -> list[Invoice]:
        if not numbers:
            return []
        await plan_for_values(self._session)
        found: list[Invoice] = []
        for start in range(0, len(numbers), 500):
            # Locked in number order, so two imports touching the same invoices never deadlock.
            query = select(t).where(t.c.number.in_(numbers[start : start + 500])).order_by(t.c.number)
            if for_update:
                query = query.with_for_update()
            found.extend(_invoice(r) for r in await self._session.execute(query))
        return found

    async def list(self, where: InvoiceFilter, *, after: tuple[str, str] | None, limit: int) -> list[Invoice]:
        query = select(t).order_by(t.c.created_at.desc(), t.c.id.desc()).limit(limit)
        if where.project_id is not None:
            query = query.where(t.c.project_id == where.project_id)
        if where.cabinet_ids is not None:
            granted_cabinets, granted_projects = where.granted
            query = query.where(
                t.c.project_id.in_(
                    select(projects.c.id).where(
                        or_(
                            projects.c.cabinet_id.in_(where.cabinet_ids),
                            and_(projects.c.cabinet_id.in_(granted_cabinets), projects.c.id.in_(granted_projects)),
                        )
                    )
                )
            )
        if where.status is not None:
            query = query.where(t.c.status == where.status)
        if where.issued_from is not None:
            query = query.where(t.c.issued_on >= where.issued_from)
        if where.issued_to is not None:
            query = query.where(t.c.issued_on <= where.issued_to)
        if after is not None:
            try:
                created_at, row_id = datetime.fromisoformat(str(after[0])), UUID(str(after[1]))
            except ValueError:
                raise InvalidCursor("cursor is not one this API issued", field="cursor") from None
            query = query.where(or_(t.c.created_at < created_at, and_(t.c.created_at == created_at, t.c.id < row_id)))
        return [_invoice(r) for r in await self._session.execute(query)]

    async def overdue(self, today: date, limit: int) -> list[Invoice]:
        query = (
            select(t)
            .where(t.c.status == InvoiceStatus.ISSUED, t.c.due_on < today)
            .order_by(t.c.due_on, t.c.id)
            .limit(limit)
            .with_for_update()
        )
        return [_invoice(r) for r in await self._session.execute(query)]
