"""Billing: its unit of work, VAT configuration, the invoice renderer, the 1C reader and use cases."""

from __future__ import annotations

import os

from dishka import Provider, Scope, provide, provide_all

from gifthub.adapters.billing.vat_schedule_file import VatScheduleFile
from gifthub.adapters.documents.invoice_pdf import FpdfInvoiceRenderer
from gifthub.adapters.onec.statement_reader import OneCStatementReader
from gifthub.adapters.persistence.billing_unit_of_work import SqlBillingUnitOfWork
from gifthub.application.billing.accept_bus_statement import ImportStatementFromBus
from gifthub.application.billing.daily_registry import ProduceDailyInvoiceRegistry
from gifthub.application.billing.export_invoices_csv import ExportInvoicesCsv
from gifthub.application.billing.import_bank_statement import ImportBankStatement
from gifthub.application.billing.invoice_lifecycle import CancelInvoice, ExpireInvoices
from gifthub.application.billing.invoice_queries import GetInvoice, ListInvoices, RenderInvoicePdf
from gifthub.application.billing.issue_registry_invoice import IssueRegistryInvoice
from gifthub.application.billing.issue_top_up_invoice import IssueTopUpInvoice
from gifthub.application.billing.manage_sellers import ListSellers, SetSellerActive
from gifthub.application.billing.payment_queue import CreditPendingPayments, ListPayments, MatchPayment
from gifthub.application.billing.register_seller import RegisterSeller
from gifthub.application.ports.bank_statement_inbox import BankStatementInbox
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.invoice_renderer import InvoiceRenderer
from gifthub.application.ports.statement_reader import StatementReader
from gifthub.application.ports.vat_schedule_source import VatScheduleSource


class BillingProvider(Provider):
    scope = Scope.REQUEST

    statement_inbox = provide(ImportStatementFromBus, provides=BankStatementInbox)

    @provide(scope=Scope.APP)
    def vat(self) -> VatScheduleSource:
        return VatScheduleFile()

    renderer = provide(FpdfInvoiceRenderer, provides=InvoiceRenderer, scope=Scope.APP)

    @provide(scope=Scope.APP)
    def reader(self) -> StatementReader:
        return OneCStatementReader()

    unit_of_work = provide(SqlBillingUnitOfWork, provides=BillingUnitOfWork)

    use_cases = provide_all(
        RegisterSeller,
        ListSellers,
        SetSellerActive,
        IssueTopUpInvoice,
        IssueRegistryInvoice,
        GetInvoice,
        ListInvoices,
        RenderInvoicePdf,
        CancelInvoice,
        ExpireInvoices,
        ExportInvoicesCsv,
        ImportBankStatement,
        ListPayments,
        MatchPayment,
        CreditPendingPayments,
    )

    @provide
    def daily_registry(self, uow: BillingUnitOfWork, clock: Clock) -> ProduceDailyInvoiceRegistry:
        # GIFTHUB_ACCOUNTING_EMAIL is read here so the shared Settings stays untouched by this capability.
        return ProduceDailyInvoiceRegistry(uow, clock, os.environ.get("GIFTHUB_ACCOUNTING_EMAIL", ""))
