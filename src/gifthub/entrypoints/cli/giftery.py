"""``gifthub sandbox giftery`` (the Giftery emulator on its own port) and ``gifthub catalog sync``."""

from __future__ import annotations

import asyncio
import os

import click

from gifthub.config_giftery import SANDBOX_CLIENT_ID, SANDBOX_SECRET


@click.group()
def sandbox() -> None:
    """Emulators of external systems, for development and demos (nothing real happens)."""


@sandbox.command("giftery")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8090, show_default=True)
@click.option("--client-id", default=None, help="Client id callers must send (GIFTERY_CLIENT_ID, default 1).")
@click.option("--secret", default=None, help="Signing secret (GIFTERY_SECRET, default the published sandbox one).")
@click.option("--balance", type=int, default=10_000_000, show_default=True, help="Starting balance, roubles.")
@click.option("--latency", type=float, default=0.0, help="Seconds before every reply.")
@click.option("--http-error-rate", type=float, default=0.0, help="Share of calls answered HTTP 500.")
@click.option("--error-reply-rate", type=float, default=0.0, help="Share of calls answered with an error envelope.")
@click.option("--hang-after-order-rate", type=float, default=0.0, help="Share of makeOrder that take, then hang.")
@click.option("--hang-seconds", type=float, default=30.0, show_default=True)
@click.option("--status-delay", type=float, default=0.0, help="Seconds before every getStatus reply.")
@click.option("--processing-seconds", type=float, default=2.0, show_default=True, help="Time an order stays queued.")
@click.option("--order-failure-rate", type=float, default=0.0, help="Share of orders that end in error.")
@click.option("--no-uuid-lookup", is_flag=True, help="getStatus knows queue ids only (emulate a stricter Giftery).")
@click.option("--log-level", default="info", show_default=True, type=click.Choice(["debug", "info", "warning"]))
def sandbox_giftery(host, port, client_id, secret, balance, no_uuid_lookup, log_level, **faults) -> None:
    """Run the Giftery SANDBOX: Giftery's B2B protocol with a test catalog; faults via POST /control/faults."""
    from gifthub.adapters.giftery.sandbox.faults import Faults
    from gifthub.adapters.giftery.sandbox.server import serve

    client_id = client_id or os.environ.get("GIFTERY_CLIENT_ID") or SANDBOX_CLIENT_ID
    secret = secret or os.environ.get("GIFTERY_SECRET") or SANDBOX_SECRET
    chosen = Faults()
    try:
        chosen.update({**faults, "lookup_by_uuid": not no_uuid_lookup})
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"Giftery SANDBOX (test mode) on http://{host}:{port}/  client id {client_id}")
    serve(host=host, port=port, client_id=client_id, secret=secret, faults=chosen, balance=balance, log_level=log_level)


@click.group()
def catalog() -> None:
    """The local copy of Giftery's catalog."""


@catalog.command("sync")
def catalog_sync() -> None:
    """Fetch Giftery's catalog now and update the local tables (GIFTERY_URL; the sandbox needs `serve` up)."""
    from gifthub.entrypoints.cli.main import load_settings
    from gifthub.entrypoints.jobs.catalog_sync import sync_once

    report = asyncio.run(sync_once(load_settings()))
    click.echo(report.summary())
