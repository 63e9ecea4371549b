"""Orders of a project: drafts, submit ("к оплате"), cancel, delete, quick orders, certificates."""

from __future__ import annotations

import hashlib
from typing import Annotated
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, delete, get, post, put
from litestar.params import FromPath, HeaderParameter, JSONBody, Parameter, QueryParameter

from gifthub.application.ordering.cancel_order import CancelOrder, CancelOrderCommand
from gifthub.application.ordering.commands import Idempotency
from gifthub.application.ordering.create_order import CreateOrder, CreateOrderCommand
from gifthub.application.ordering.delete_order import DeleteOrder, DeleteOrderCommand
from gifthub.application.ordering.edit_order import EditOrder, EditOrderCommand
from gifthub.application.ordering.get_order import GetOrder
from gifthub.application.ordering.idempotency import OrderOutcome
from gifthub.application.ordering.list_certificates import ListCertificates
from gifthub.application.ordering.list_orders import ListOrders
from gifthub.application.ordering.quick_order import QuickOrder, QuickOrderCommand
from gifthub.application.ordering.record_idempotent_response import (
    RecordIdempotentResponse,
    RecordIdempotentResponseCommand,
)
from gifthub.application.ordering.resend_certificate import ResendCertificate, ResendCertificateCommand
from gifthub.application.ordering.resend_order_archive import ResendOrderArchive, ResendOrderArchiveCommand
from gifthub.application.ordering.resume_awaiting_orders import (
    ResumeOrdersAwaitingPayment,
    ResumeOrdersAwaitingPaymentCommand,
)
from gifthub.application.ordering.retry_certificate import RetryCertificate, RetryCertificateCommand
from gifthub.application.ordering.submit_order import SubmitOrder, SubmitOrderCommand
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.domain.identity import Principal
from gifthub.domain.order import OrderStatus
from gifthub.domain.order_errors import InvalidOrder
from gifthub.entrypoints.http.schemas.orders import (
    ArchiveIn,
    ArchiveOut,
    CertificateOut,
    CertificatePage,
    DraftIn,
    OrderOut,
    OrderPage,
    OrderSummaryOut,
    QuickOrderIn,
    ResendIn,
    ResumedOut,
)

Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="page size")]
Cursor = Annotated[str | None, Parameter(description="next_cursor of the previous page")]
IdempotencyKeyHeader = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        required=False,
        description="Repeat a request safely: the same key and body replay the first answer",
    ),
]


def idempotency(key: str | None, *parts: object) -> Idempotency | None:
    if key is None:
        return None
    key = key.strip()
    if not 1 <= len(key) <= 200 or not key.isprintable():
        raise InvalidOrder("Idempotency-Key must be 1-200 printable characters", field="Idempotency-Key")
    digest = hashlib.sha256(b"\x00".join(msgspec.json.encode(p) for p in parts)).hexdigest()
    return Idempotency(key, digest)


async def answer(
    outcome: OrderOutcome,
    status: int,
    *,
    principal: Principal,
    operation: str,
    project_id: UUID,
    key: Idempotency | None,
    recorder: RecordIdempotentResponse,
) -> Response:
    if outcome.replayed:
        headers = {"Idempotent-Replayed": "true"}
        if outcome.response:
            return Response(
                content=outcome.response.encode(),
                media_type="application/json",
                status_code=outcome.status_code,
                headers=headers,
            )
        return Response(OrderOut.of(outcome.order), status_code=status, headers=headers)
    body = OrderOut.of(outcome.order)
    if key is not None:
        encoded = msgspec.json.encode(body).decode()
        await recorder.execute(
            principal, RecordIdempotentResponseCommand(operation, project_id, key.key, status, encoded)
        )
    return Response(body, status_code=status)


class OrderController(Controller):
    path = "/projects/{project_id:uuid}/orders"
    tags = ["orders"]

    @get("/", summary="Orders of a project, oldest first")
    async def list_orders(
        self,
        project_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[ListOrders],
        status: Annotated[str | None, QueryParameter(description="only orders in this status")] = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> OrderPage:
        statuses = None
        if status is not None:
            try:
                statuses = frozenset({OrderStatus(status)})
            except ValueError:
                accepted = ", ".join(s.value for s in OrderStatus)
                raise InvalidOrder(f"unknown status {status!r}; accepted: {accepted}", field="status") from None
        page = await use_case.execute(principal, project_id, statuses=statuses, limit=limit, cursor=cursor)
        return OrderPage([OrderSummaryOut.of(o) for o in page.items], page.next_cursor)

    @post("/", summary="Save a draft order (Idempotency-Key supported)")
    async def create_order(
        self,
        project_id: FromPath[UUID],
        data: JSONBody[DraftIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[CreateOrder],
        recorder: FromDishka[RecordIdempotentResponse],
        idempotency_key: IdempotencyKeyHeader = None,
    ) -> Response[OrderOut]:
        key = idempotency(idempotency_key, "create", data)
        outcome = await use_case.execute(principal, CreateOrderCommand(project_id, data.to_input(), key))
        return await answer(
            outcome, 201, principal=principal, operation="create", project_id=project_id, key=key, recorder=recorder
        )

    @post("/quick", summary="Quick order: one product, one nominal, a list of emails; submitted at once")
    async def quick_order(
        self,
        project_id: FromPath[UUID],
        data: JSONBody[QuickOrderIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[QuickOrder],
        recorder: FromDishka[RecordIdempotentResponse],
        idempotency_key: IdempotencyKeyHeader = None,
    ) -> Response[OrderOut]:
        key = idempotency(idempotency_key, "quick", data)
        command = QuickOrderCommand(
            project_id,
            data.product_id,
            data.nominal,
            tuple(data.emails),
            data.sender_name,
            data.message,
            key,
            delivered_by=data.delivered_by,
            allow_duplicates=data.allow_duplicates,
        )
        outcome = await use_case.execute(principal, command)
        return await answer(
            outcome, 201, principal=principal, operation="quick", project_id=project_id, key=key, recorder=recorder
        )

    @post("/resume", summary="Queue orders awaiting payment that the balance now covers", status_code=200)
    async def resume(
        self,
        project_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[ResumeOrdersAwaitingPayment],
    ) -> ResumedOut:
        return ResumedOut(await use_case.execute(principal, ResumeOrdersAwaitingPaymentCommand(project_id)))

    @get("/{order_id:uuid}", summary="An order with its lines and totals")
    async def get_order(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[GetOrder],
    ) -> OrderOut:
        return OrderOut.of(await use_case.execute(principal, project_id, order_id))

    @put("/{order_id:uuid}", summary="Replace a draft's lines, sender and schedule")
    async def edit_order(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        data: JSONBody[DraftIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[EditOrder],
    ) -> OrderOut:
        return OrderOut.of(await use_case.execute(principal, EditOrderCommand(project_id, order_id, data.to_input())))

    @delete("/{order_id:uuid}", summary="Delete a draft", status_code=204)
    async def delete_order(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[DeleteOrder],
    ) -> None:
        await use_case.execute(principal, DeleteOrderCommand(project_id, order_id))

    @post("/{order_id:uuid}/submit", summary="Submit (к оплате): hold the total or await payment")
    async def submit_order(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[SubmitOrder],
        recorder: FromDishka[RecordIdempotentResponse],
        idempotency_key: IdempotencyKeyHeader = None,
    ) -> Response[OrderOut]:
        key = idempotency(idempotency_key, "submit", str(order_id))
        outcome = await use_case.execute(principal, SubmitOrderCommand(project_id, order_id, key))
        return await answer(
            outcome, 200, principal=principal, operation="submit", project_id=project_id, key=key, recorder=recorder
        )

    @post("/{order_id:uuid}/cancel", summary="Cancel a draft or an order awaiting payment", status_code=200)
    async def cancel_order(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[CancelOrder],
    ) -> OrderOut:
        return OrderOut.of(await use_case.execute(principal, CancelOrderCommand(project_id, order_id)))

    @get("/{order_id:uuid}/certificates", summary="Certificates of an order with state and delivery status")
    async def list_certificates(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[ListCertificates],
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> CertificatePage:
        page = await use_case.execute(principal, project_id, order_id, limit=limit, cursor=cursor)
        return CertificatePage([CertificateOut.of(c) for c in page.items], page.next_cursor)

    @post(
        "/{order_id:uuid}/certificates/{certificate_id:uuid}/retry",
        summary="Try a failed certificate again",
        status_code=200,
    )
    async def retry_certificate(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        certificate_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[RetryCertificate],
    ) -> CertificateOut:
        command = RetryCertificateCommand(project_id, order_id, certificate_id)
        return CertificateOut.of(await use_case.execute(principal, command))

    @post(
        "/{order_id:uuid}/certificates/{certificate_id:uuid}/resend",
        summary="Send an issued certificate again",
        status_code=200,
    )
    async def resend_certificate(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        certificate_id: FromPath[UUID],
        data: JSONBody[ResendIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[ResendCertificate],
    ) -> CertificateOut:
        command = ResendCertificateCommand(project_id, order_id, certificate_id, data.email)
        return CertificateOut.of(await use_case.execute(principal, command))

    @post("/{order_id:uuid}/resend-archive", summary="All issued certificates zipped to one address", status_code=202)
    async def resend_archive(
        self,
        project_id: FromPath[UUID],
        order_id: FromPath[UUID],
        data: JSONBody[ArchiveIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[ResendOrderArchive],
    ) -> ArchiveOut:
        count = await use_case.execute(principal, ResendOrderArchiveCommand(project_id, order_id, data.email))
        return ArchiveOut(count)
