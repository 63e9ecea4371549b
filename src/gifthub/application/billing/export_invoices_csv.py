from __future__ import annotations

from gifthub.application.billing.invoice_csv import invoices_csv
from gifthub.application.billing.invoice_queries import InvoiceQuery, ListAllInvoices
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.domain.identity import Principal


class ExportInvoicesCsv:
    """The filtered invoice list as a CSV file for Russian Excel (see invoice_csv for the format)."""

    def __init__(self, uow: BillingUnitOfWork) -> None:
        self._all = ListAllInvoices(uow)

    async def execute(self, principal: Principal, query: InvoiceQuery) -> bytes:
        return invoices_csv(await self._all.execute(principal, query))
