"""Use cases of orders: drafts, submit, quick orders, XLSX lists, execution."""

from __future__ import annotations

from dishka import Provider, Scope, provide, provide_all

from gifthub.adapters.documents.xlsx_order_sheet import XlsxOrderSheetReader
from gifthub.adapters.persistence.orders_unit_of_work import SqlOrdersUnitOfWork
from gifthub.application.ordering.cancel_order import CancelOrder
from gifthub.application.ordering.complete_delivered_orders import CompleteDeliveredOrders
from gifthub.application.ordering.create_order import CreateOrder
from gifthub.application.ordering.delete_order import DeleteOrder
from gifthub.application.ordering.deliver_due_certificates import DeliverDueCertificates
from gifthub.application.ordering.edit_order import EditOrder
from gifthub.application.ordering.execute_certificates import ExecuteCertificates
from gifthub.application.ordering.get_order import GetOrder
from gifthub.application.ordering.get_order_template import GetOrderTemplate
from gifthub.application.ordering.list_certificates import ListCertificates
from gifthub.application.ordering.list_orders import ListOrders
from gifthub.application.ordering.quick_order import QuickOrder
from gifthub.application.ordering.record_delivery_refusal import RecordDeliveryRefusal
from gifthub.application.ordering.record_idempotent_response import RecordIdempotentResponse
from gifthub.application.ordering.refresh_delivery_statuses import RefreshDeliveryStatuses
from gifthub.application.ordering.resend_certificate import ResendCertificate
from gifthub.application.ordering.resend_order_archive import ResendOrderArchive
from gifthub.application.ordering.resume_awaiting_orders import ResumeOrdersAwaitingPayment
from gifthub.application.ordering.retry_certificate import RetryCertificate
from gifthub.application.ordering.submit_order import SubmitOrder
from gifthub.application.ordering.upload_xlsx_order import UploadXlsxOrder
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.giftery_gateway import GifteryGateway
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.order_sheet import OrderSheetReader
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork


class OrdersProvider(Provider):
    scope = Scope.REQUEST

    unit_of_work = provide(SqlOrdersUnitOfWork, provides=OrdersUnitOfWork)
    sheet_reader = provide(XlsxOrderSheetReader, provides=OrderSheetReader, scope=Scope.APP)

    use_cases = provide_all(
        CreateOrder,
        EditOrder,
        SubmitOrder,
        CancelOrder,
        DeleteOrder,
        GetOrder,
        ListOrders,
        ListCertificates,
        QuickOrder,
        ResumeOrdersAwaitingPayment,
        RecordIdempotentResponse,
        UploadXlsxOrder,
        GetOrderTemplate,
        RetryCertificate,
        ResendCertificate,
        ResendOrderArchive,
        RefreshDeliveryStatuses,
        DeliverDueCertificates,
        CompleteDeliveredOrders,
        RecordDeliveryRefusal,
    )

    @provide
    def execute_certificates(
        self, uow: OrdersUnitOfWork, giftery: GifteryGateway, clock: Clock, ids: IdGenerator
    ) -> ExecuteCertificates:
        return ExecuteCertificates(uow, giftery, clock, ids)
