"""Orders from XLSX lists: the template, a checked preview, and accepting the valid rows into a draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post
from litestar.datastructures import UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath

from gifthub.application.ordering.get_order_template import GetOrderTemplate
from gifthub.application.ordering.upload_xlsx_order import UploadXlsxOrder, UploadXlsxOrderCommand, XlsxOutcome
from gifthub.domain.identity import Principal
from gifthub.entrypoints.http.schemas.orders import OrderSummaryOut, RowProblemOut, XlsxResultOut

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UPLOAD_LIMIT = 32 * 1024 * 1024  # 50,000 rows are a few megabytes


@dataclass
class XlsxUpload:
    file: UploadFile
    timezone: str | None = None  # send_at cells are read in it; omitted: the orderer's profile zone
    sender_name: str = ""
    accept: bool = False
    delivered_by: str = "giftery"  # giftery | gifthub, for the new draft
    allow_duplicates: bool = False  # rows may give one person the same certificate twice (confirmed)


Form = Annotated[XlsxUpload, Body(media_type=RequestEncodingType.MULTI_PART)]


def _result(outcome: XlsxOutcome) -> XlsxResultOut:
    check = outcome.check
    return XlsxResultOut(
        rows=check.rows,
        valid_rows=check.valid_rows,
        failed_rows=check.failed_rows,
        problems=[RowProblemOut(p.row, p.column, p.header, p.message) for p in check.problems],
        order=OrderSummaryOut.of(outcome.order) if outcome.order is not None else None,
        replayed=outcome.replayed,
    )


class XlsxOrderController(Controller):
    path = "/projects/{project_id:uuid}/orders"
    tags = ["orders"]

    @get("/xlsx/template", summary="Download the XLSX template of an order list")
    async def template(self, project_id: FromPath[UUID], use_case: FromDishka[GetOrderTemplate]) -> Response[bytes]:
        return Response(
            use_case.execute(),
            media_type=XLSX,
            headers={"Content-Disposition": 'attachment; filename="gifthub-order-template.xlsx"'},
        )

    @post(
        "/xlsx",
        summary="Check an XLSX order list; with accept=true put its valid rows into a new draft",
        request_max_body_size=UPLOAD_LIMIT,
    )
    async def upload(
        self,
        project_id: FromPath[UUID],
        data: Form,
        principal: FromDishka[Principal],
        use_case: FromDishka[UploadXlsxOrder],
    ) -> Response[XlsxResultOut]:
        command = UploadXlsxOrderCommand(
            project_id,
            await data.file.read(),
            data.timezone,
            data.sender_name,
            accept=data.accept,
            delivered_by=data.delivered_by,
            allow_duplicates=data.allow_duplicates,
        )
        outcome = await use_case.execute(principal, command)
        status = 201 if outcome.order is not None and not outcome.replayed else 200
        return Response(_result(outcome), status_code=status)

    @post(
        "/{order_id:uuid}/xlsx",
        summary="Add the valid rows of an XLSX list (e.g. the fixed failed rows) to a draft",
        request_max_body_size=UPLOAD_LIMIT,
    )
    async def add_rows(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        data: Form,
        principal: FromDishka[Principal],
        use_case: FromDishka[UploadXlsxOrder],
    ) -> Response[XlsxResultOut]:
        command = UploadXlsxOrderCommand(
            project_id,
            await data.file.read(),
            data.timezone,
            data.sender_name,
            accept=True,
            order_id=order_id,
            allow_duplicates=data.allow_duplicates,
        )
        outcome = await use_case.execute(principal, command)
        return Response(_result(outcome), status_code=200)
