from __future__ import annotations

from datetime import date, timedelta

from gifthub.application.billing.invoice_csv import invoices_csv
from gifthub.application.billing.issuing import ACCOUNTING_ZONE
from gifthub.application.ports.billing_unit_of_work import BillingUnitOfWork
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.invoice_repository import InvoiceFilter
from gifthub.domain.billing.events import InvoiceRegistryProduced
from gifthub.domain.email_messages import InvoiceRegistryEmail
from gifthub.domain.events import EmailRequested


class ProduceDailyInvoiceRegistry:
    """A scheduled job: the invoices issued on a day, as CSV, to accounting over the bus and by email.

    Run once a day (e.g. at 00:30 Moscow time for the day before); a rerun sends the same registry
    again under the same email dedup key.
    """

    def __init__(self, uow: BillingUnitOfWork, clock: Clock, accounting_email: str = "") -> None:
        self._uow, self._clock, self._email = uow, clock, accounting_email

    async def execute(self, day: date | None = None) -> bytes:
        now = self._clock.now()
        day = day or (now.astimezone(ACCOUNTING_ZONE).date() - timedelta(days=1))
        async with self._uow as uow:
            invoices, after = [], None
            while True:
                rows = await uow.invoices.list(InvoiceFilter(issued_from=day, issued_to=day), after=after, limit=1000)
                invoices.extend(rows)
                if len(rows) < 1000:
                    break
                after = (rows[-1].created_at.isoformat(), str(rows[-1].id))
            invoices.sort(key=lambda i: i.number)
            data = invoices_csv(invoices)
            text = data.decode("utf-8-sig")
            uow.record(InvoiceRegistryProduced(now, day.isoformat(), len(invoices), text))
            if self._email:
                uow.record(
                    EmailRequested.of(
                        InvoiceRegistryEmail(day=day.isoformat(), count=str(len(invoices)), csv=text),
                        to=self._email,
                        occurred_at=now,
                        dedup_key=f"invoice_registry:{day.isoformat()}",
                    )
                )
            await uow.commit()
        return data
