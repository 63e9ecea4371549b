"""Billing's scheduled work: expire unpaid invoices, finish crediting payments, the daily registry."""

from __future__ import annotations

from datetime import date, timedelta

from dishka import AsyncContainer

from gifthub.application.billing.daily_registry import ProduceDailyInvoiceRegistry
from gifthub.application.billing.invoice_lifecycle import ExpireInvoices
from gifthub.application.billing.issuing import ACCOUNTING_ZONE
from gifthub.application.billing.payment_queue import CreditPendingPayments
from gifthub.config_schedule import ScheduleSettings
from gifthub.entrypoints.jobs.scheduler import DailyAt, Every, ScheduledJob


async def expire_invoices(container: AsyncContainer, _key: str) -> str:
    async with container() as scope:
        return f"{await (await scope.get(ExpireInvoices)).execute()} invoices expired"


async def credit_pending_payments(container: AsyncContainer, _key: str) -> str:
    async with container() as scope:
        return f"{await (await scope.get(CreditPendingPayments)).execute()} payments credited"


async def invoice_registry(container: AsyncContainer, key: str) -> str:
    """The run of day D (due at the set time on D) sends the registry of D - 1."""
    day = date.fromisoformat(key) - timedelta(days=1)
    async with container() as scope:
        data = await (await scope.get(ProduceDailyInvoiceRegistry)).execute(day)
    rows = data.count(b"\r\n") - 1  # the CSV's lines less its header
    return f"registry of {day} produced ({rows} invoices)"


def billing_jobs(settings: ScheduleSettings) -> list[ScheduledJob]:
    jobs = []
    if settings.expire_invoices_minutes:
        jobs.append(
            ScheduledJob(
                "billing.expire_invoices", Every(timedelta(minutes=settings.expire_invoices_minutes)), expire_invoices
            )
        )
    if settings.credit_pending_minutes:
        every = Every(timedelta(minutes=settings.credit_pending_minutes))
        jobs.append(ScheduledJob("billing.credit_pending_payments", every, credit_pending_payments))
    if settings.invoice_registry_at is not None:
        daily = DailyAt(settings.invoice_registry_at, ACCOUNTING_ZONE)
        jobs.append(ScheduledJob("billing.invoice_registry", daily, invoice_registry))
    return jobs
