"""Platform staff: sellers, bank statement upload, the queue of unmatched payments."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Request, Response, get, post, put
from litestar.datastructures import UploadFile
from litestar.params import FromPath, JSONBody, Parameter, QueryParameter

from gifthub.application.billing.import_bank_statement import ImportBankStatement
from gifthub.application.billing.manage_sellers import ListSellers, SetSellerActive
from gifthub.application.billing.payment_queue import ListPayments, MatchPayment
from gifthub.application.billing.register_seller import RegisterSeller
from gifthub.application.errors import Forbidden
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.domain.billing.errors import StatementError
from gifthub.domain.billing.payment import PaymentStatus
from gifthub.domain.identity import Principal
from gifthub.entrypoints.http.schemas.billing import (
    ImportOut,
    MatchIn,
    PaymentOut,
    PaymentPage,
    SellerActiveIn,
    SellerIn,
    SellerOut,
)

# A month of a busy account is a few MiB; the API-wide body limit (1 MiB) would refuse it.
STATEMENT_MAX_BYTES = 32 * 1024 * 1024


async def _uploaded_file(request: Request) -> bytes:
    """The raw body, or the first file of a form upload (what a browser's file input sends)."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        return await request.body()
    form = await request.form()
    for value in form.values():
        if isinstance(value, UploadFile):
            return await value.read()
    raise StatementError("the form has no file; attach the statement file", line=1)


Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="page size")]
Cursor = Annotated[str | None, Parameter(description="next_cursor of the previous page")]


class BillingPlatformController(Controller):
    path = "/platform"
    tags = ["platform billing"]

    @post("/sellers", summary="Register a selling legal entity of a region")
    async def register_seller(
        self, principal: FromDishka[Principal], use_case: FromDishka[RegisterSeller], data: JSONBody[SellerIn]
    ) -> Response[SellerOut]:
        return Response(SellerOut.of(await use_case.execute(principal, data.to_data())), status_code=201)

    @get("/sellers", summary="All sellers")
    async def list_sellers(
        self, principal: FromDishka[Principal], use_case: FromDishka[ListSellers]
    ) -> list[SellerOut]:
        return [SellerOut.of(s) for s in await use_case.execute(principal)]

    @put("/sellers/{seller_id:uuid}/active", summary="Retire or reinstate a seller")
    async def set_active(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[SetSellerActive],
        seller_id: FromPath[UUID],
        data: JSONBody[SellerActiveIn],
    ) -> SellerOut:
        return SellerOut.of(await use_case.execute(principal, seller_id, data.active))

    @post(
        "/bank-statements",
        summary="Upload a 1CClientBankExchange statement (the raw file as the request body, up to 32 MiB)",
        status_code=200,
        request_max_body_size=STATEMENT_MAX_BYTES,
        opt={
            "raw_body": (
                "the 1CClientBankExchange file exactly as 1C wrote it (windows-1251 or cp866); "
                "a multipart/form-data upload with one file is accepted too"
            )
        },
    )
    async def upload_statement(
        self, request: Request, principal: FromDishka[Principal], use_case: FromDishka[ImportBankStatement]
    ) -> ImportOut:
        if not principal.is_platform_admin:
            raise Forbidden("only platform administrators import bank statements")
        data = await _uploaded_file(request)
        if not data:
            raise StatementError("the request body is empty; send the statement file", line=1)
        return ImportOut.of(await use_case.execute(data, principal))

    @get("/payments", summary="Bank payments; status=unmatched is the queue waiting for a person")
    async def list_payments(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListPayments],
        status: Annotated[str | None, QueryParameter(description="applied or unmatched")] = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> PaymentPage:
        parsed = PaymentStatus(status) if status in ("applied", "unmatched") else None
        page = await use_case.execute(principal, parsed, limit=limit, cursor=cursor)
        return PaymentPage([PaymentOut.of(p) for p in page.items], page.next_cursor)

    @post("/payments/{payment_id:uuid}/match", summary="Apply a queued payment to an invoice", status_code=200)
    async def match(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[MatchPayment],
        payment_id: FromPath[UUID],
        data: JSONBody[MatchIn],
    ) -> PaymentOut:
        return PaymentOut.of(await use_case.execute(principal, payment_id, data.invoice_id))
