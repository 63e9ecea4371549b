"""Reading invoices: one, a filtered page, the printable PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from gifthub.application.authorization import ensure_can_read_finance, ensure_sees_project
from gifthub.application.errors import NotFound
from gifthub.application.pagination import Page, check_limit, decode_cursor, encode_cursor, page_of
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.invoice_renderer import InvoiceRenderer
from gifthub.application.ports.invoice_repository import InvoiceFilter
from gifthub.domain.billing.invoice import Invoice, InvoiceStatus
from gifthub.domain.billing.seller import Seller
from gifthub.domain.identity import CabinetRole, Principal, PrincipalKind


async def visible_invoice(uow: BillingUnitOfWork, principal: Principal, invoice_id: UUID) -> Invoice:
    invoice = await uow.invoices.get(invoice_id)
    if invoice is None:
        raise NotFound("invoice not found")
    try:
        project = ensure_sees_project(principal, await uow.projects.get(invoice.project_id))
    except NotFound:
        raise NotFound("invoice not found") from None
    ensure_can_read_finance(principal, project)
    return invoice


class GetInvoice:
    def __init__(self, uow: BillingUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, invoice_id: UUID) -> Invoice:
        async with self._uow as uow:
            return await visible_invoice(uow, principal, invoice_id)


@dataclass(frozen=True)
class InvoiceQuery:
    project_id: UUID | None = None
    status: InvoiceStatus | None = None
    issued_from: date | None = None
    issued_to: date | None = None


class ListInvoices:
    def __init__(self, uow: BillingUnitOfWork) -> None:
        self._uow = uow

    async def execute(
        self, principal: Principal, query: InvoiceQuery, *, limit: int, cursor: str | None
    ) -> Page[Invoice]:
        check_limit(limit)
        after = decode_cursor(cursor, 2)
        async with self._uow as uow:
            rows = await uow.invoices.list(
                await _scope(uow, principal, query), after=tuple(after) if after else None, limit=limit + 1
            )
        return page_of(rows, limit, lambda i: encode_cursor(i.created_at.isoformat(), str(i.id)))


async def _scope(uow: BillingUnitOfWork, principal: Principal, query: InvoiceQuery) -> InvoiceFilter:
    project_id = query.project_id
    if principal.kind is PrincipalKind.API_CLIENT:
        # Its own project, unless it names another (which then "does not exist" for it).
        project_id = project_id or principal.project_id
    if project_id is not None:
        ensure_can_read_finance(principal, await uow.projects.get(project_id))
    if principal.is_platform or project_id is not None:
        return InvoiceFilter(project_id, None, query.status, query.issued_from, query.issued_to)
    if principal.kind is not PrincipalKind.USER:
        return InvoiceFilter(None, principal.cabinet_ids, query.status, query.issued_from, query.issued_to)
    # A user: whole cabinets where they see every project, granted projects where they are the
    # accountant, nothing where they are an operator (operators do not see invoices).
    whole = frozenset(c for c, role in principal.memberships.items() if role.sees_every_project)
    accountant = frozenset(c for c, role in principal.memberships.items() if role is CabinetRole.ACCOUNTANT)
    return InvoiceFilter(
        None, whole, query.status, query.issued_from, query.issued_to, granted=(accountant, principal.granted_projects)
    )


class ListAllInvoices:
    """Every matching invoice (for exports): pages through the repository internally."""

    def __init__(self, uow: BillingUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, query: InvoiceQuery, cap: int = 100_000) -> list[Invoice]:
        found: list[Invoice] = []
        async with self._uow as uow:
            where = await _scope(uow, principal, query)
            after = None
            while len(found) < cap:
                rows = await uow.invoices.list(where, after=after, limit=1000)
                found.extend(rows)
                if len(rows) < 1000:
                    break
                after = (rows[-1].created_at.isoformat(), str(rows[-1].id))
        return found[:cap]


class RenderInvoicePdf:
    def __init__(self, uow: BillingUnitOfWork, renderer: InvoiceRenderer) -> None:
        self._uow, self._renderer = uow, renderer

    async def execute(self, principal: Principal, invoice_id: UUID) -> tuple[Invoice, bytes]:
        async with self._uow as uow:
            invoice = await visible_invoice(uow, principal, invoice_id)
            seller: Seller | None = await uow.sellers.get(invoice.seller_id)
        if seller is None:
            raise NotFound("the invoice's seller is gone")
        return invoice, self._renderer.render(invoice, seller)
