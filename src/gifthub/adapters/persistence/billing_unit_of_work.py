"""The unit of work of billing: the core repositories plus sellers, invoices and payments."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from gifthub.adapters.persistence.errors import as_port_error
from gifthub.adapters.persistence.repositories.billing_invoices import SqlInvoiceRepository
from gifthub.adapters.persistence.repositories.billing_payments import SqlPaymentRepository
from gifthub.adapters.persistence.repositories.billing_sellers import SqlSellerRepository
from gifthub.adapters.persistence.unit_of_work import SqlAlchemyUnitOfWork


class SqlBillingUnitOfWork(SqlAlchemyUnitOfWork):
    async def __aenter__(self) -> SqlBillingUnitOfWork:
        await super().__aenter__()
        self.sellers = SqlSellerRepository(self.session)
        self.invoices = SqlInvoiceRepository(self.session)
        self.payments = SqlPaymentRepository(self.session)
        return self

    async def commit(self) -> None:
        try:
            await self.payments.flush()
        except DBAPIError as error:
            raise as_port_error(error) from error
        await super().commit()
