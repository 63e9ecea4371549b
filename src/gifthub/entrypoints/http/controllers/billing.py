"""Invoice offers for clients: issue, list, export, PDF, cancel."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.params import FromPath, JSONBody, Parameter, QueryParameter

from gifthub.application.billing.export_invoices_csv import ExportInvoicesCsv
from gifthub.application.billing.invoice_lifecycle import CancelInvoice
from gifthub.application.billing.invoice_queries import GetInvoice, InvoiceQuery, ListInvoices, RenderInvoicePdf
from gifthub.application.billing.issue_top_up_invoice import IssueTopUpInvoice, TopUpInvoiceCommand
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.domain.billing.errors import InvalidInvoice
from gifthub.domain.billing.invoice import InvoiceStatus
from gifthub.domain.identity import Principal
from gifthub.entrypoints.http.schemas.accounts import money_in
from gifthub.entrypoints.http.schemas.billing import InvoiceOut, InvoicePage, TopUpInvoiceIn

Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="page size")]
Cursor = Annotated[str | None, Parameter(description="next_cursor of the previous page")]
StatusQ = Annotated[str | None, QueryParameter(description="issued, partially_paid, paid, cancelled, expired")]
FromQ = Annotated[date | None, QueryParameter(description="issued on or after (YYYY-MM-DD)")]
ToQ = Annotated[date | None, QueryParameter(description="issued on or before (YYYY-MM-DD)")]
ProjectQ = Annotated[UUID | None, QueryParameter(description="only this project")]


def _query(
    project_id: UUID | None, status: str | None, issued_from: date | None, issued_to: date | None
) -> InvoiceQuery:
    parsed = None
    if status:
        try:
            parsed = InvoiceStatus(status)
        except ValueError:
            accepted = ", ".join(s.value for s in InvoiceStatus)
            raise InvalidInvoice(f"unknown status {status!r}; accepted: {accepted}", field="status") from None
    return InvoiceQuery(project_id, parsed, issued_from, issued_to)


class InvoiceController(Controller):
    path = "/"
    tags = ["invoices"]

    @post("/projects/{project_id:uuid}/invoices", summary="Issue an invoice offer to top up a project")
    async def issue_top_up(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[IssueTopUpInvoice],
        project_id: FromPath[UUID],
        data: JSONBody[TopUpInvoiceIn],
    ) -> Response[InvoiceOut]:
        command = TopUpInvoiceCommand(
            project_id, money_in(data.amount, data.currency), data.buyer.to_domain() if data.buyer else None
        )
        return Response(InvoiceOut.of(await use_case.execute(principal, command)), status_code=201)

    @get("/invoices", summary="Invoices visible to the caller, newest first")
    async def list_invoices(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListInvoices],
        project_id: ProjectQ = None,
        status: StatusQ = None,
        issued_from: FromQ = None,
        issued_to: ToQ = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> InvoicePage:
        page = await use_case.execute(
            principal, _query(project_id, status, issued_from, issued_to), limit=limit, cursor=cursor
        )
        return InvoicePage([InvoiceOut.of(i) for i in page.items], page.next_cursor)

    @get("/invoices/export.csv", summary="The filtered invoices as CSV for Russian Excel (UTF-8 BOM, ';')")
    async def export_csv(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ExportInvoicesCsv],
        project_id: ProjectQ = None,
        status: StatusQ = None,
        issued_from: FromQ = None,
        issued_to: ToQ = None,
    ) -> Response[bytes]:
        data = await use_case.execute(principal, _query(project_id, status, issued_from, issued_to))
        return Response(
            data,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="invoices.csv"'},
        )

    @get("/invoices/{invoice_id:uuid}", summary="One invoice")
    async def get_invoice(
        self, principal: FromDishka[Principal], use_case: FromDishka[GetInvoice], invoice_id: FromPath[UUID]
    ) -> InvoiceOut:
        return InvoiceOut.of(await use_case.execute(principal, invoice_id))

    @get("/invoices/{invoice_id:uuid}/pdf", summary="The printable invoice offer")
    async def invoice_pdf(
        self, principal: FromDishka[Principal], use_case: FromDishka[RenderInvoicePdf], invoice_id: FromPath[UUID]
    ) -> Response[bytes]:
        invoice, pdf = await use_case.execute(principal, invoice_id)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="invoice-{invoice.number}.pdf"'},
        )

    @post("/invoices/{invoice_id:uuid}/cancel", summary="Cancel an unpaid invoice", status_code=200)
    async def cancel(
        self, principal: FromDishka[Principal], use_case: FromDishka[CancelInvoice], invoice_id: FromPath[UUID]
    ) -> InvoiceOut:
        return InvoiceOut.of(await use_case.execute(principal, invoice_id))
