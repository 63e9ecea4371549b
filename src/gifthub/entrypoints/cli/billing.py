"""``gifthub billing ...``: the scheduled billing jobs and a statement import from a file."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import click

from gifthub.domain.errors import DomainError


def _run(use_case_type, *args):
    from gifthub.entrypoints.cli.main import load_settings
    from gifthub.ioc import make_container

    async def run():
        container = make_container(load_settings())
        try:
            async with container() as scope:
                return await (await scope.get(use_case_type)).execute(*args)
        finally:
            await container.close()

    try:
        return asyncio.run(run())
    except DomainError as error:
        raise click.ClickException(error.message) from None


@click.group()
def billing() -> None:
    """Invoices and bank statements. The jobs below also run by themselves on a schedule inside
    ``gifthub worker`` and ``gifthub serve`` (GIFTHUB_EXPIRE_INVOICES_MINUTES, ...); these run one now."""


@billing.command("import-statement")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_statement(path: Path) -> None:
    """Import a 1CClientBankExchange file (each payment credits once, however often it is imported)."""
    from gifthub.application.billing.import_bank_statement import ImportBankStatement

    result = _run(ImportBankStatement, path.read_bytes())
    click.echo(
        f"{result.received} incoming: {result.applied} applied, {result.unmatched} waiting for matching, "
        f"{result.already_known} already known; {result.credited} credited"
    )


@billing.command("expire-invoices")
def expire_invoices() -> None:
    """Mark unpaid invoices past their due date as expired (daily)."""
    from gifthub.application.billing.invoice_lifecycle import ExpireInvoices

    click.echo(f"{_run(ExpireInvoices)} invoices expired")


@billing.command("credit-pending")
def credit_pending() -> None:
    """Finish crediting applied payments whose top-up was interrupted (every few minutes)."""
    from gifthub.application.billing.payment_queue import CreditPendingPayments

    click.echo(f"{_run(CreditPendingPayments)} payments credited")


@billing.command("invoice-registry")
@click.option("--day", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Default: yesterday (Moscow).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also save the CSV.")
def invoice_registry(day, out: Path | None) -> None:
    """Send the day's invoice registry to accounting (bus + email) (daily, after midnight Moscow time)."""
    from gifthub.application.billing.daily_registry import ProduceDailyInvoiceRegistry

    chosen: date | None = day.date() if day else None
    data = _run(ProduceDailyInvoiceRegistry, chosen)
    if out is not None:
        out.write_bytes(data)
    rows = data.count(b"\r\n") - 1
    click.echo(f"registry produced ({rows} invoices)")
