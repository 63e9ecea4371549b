"""``gifthub``: serve, migrate, seed the demo; each capability adds its own subcommands here."""

from __future__ import annotations

import asyncio
import logging
import sys

import click

from gifthub.config import Settings, SettingsError


def load_settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as error:
        raise click.UsageError(f"bad setting: {error}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """GiftHub: the B2B cabinet of a corporate gift-card platform.

    Settings come from GIFTHUB_* environment variables (see the README).
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)


@cli.command()
@click.option("--host", default=None, help="Listen address (GIFTHUB_HOST, default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Listen port (GIFTHUB_PORT, default 8000).")
@click.option("--workers", type=int, default=1, show_default=True, help="Server processes (PostgreSQL only).")
def serve(host: str | None, port: int | None, workers: int) -> None:
    """Serve the HTTP API and the web cabinet."""
    import uvicorn

    from gifthub.entrypoints.http.server import uvicorn_options

    settings = load_settings()
    host = host or settings.host
    port = port or settings.port
    if workers > 1 and settings.is_sqlite:
        raise click.UsageError("several workers need PostgreSQL: SQLite has one writer")
    click.echo(f"GiftHub listens on http://{host}:{port}  (API docs: http://{host}:{port}/schema)")
    if not settings.admin_token:
        click.echo(f"Admin bearer token: in {settings.admin_token_file}")
    uvicorn.run(
        "gifthub.entrypoints.http.app:asgi",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level.lower(),
        **uvicorn_options(settings.http),
    )


@cli.command()
@click.option("--revision", default="heads", show_default=True, help="Target revision.")
def migrate(revision: str) -> None:
    """Bring the database schema up to date (SQLite or PostgreSQL)."""
    from gifthub.adapters.persistence.engine import create_engine
    from gifthub.adapters.persistence.migrator import upgrade

    settings = load_settings()

    async def run() -> None:
        engine = create_engine(settings.database_url)
        try:
            await upgrade(engine, revision)
        finally:
            await engine.dispose()

    asyncio.run(run())
    click.echo("database is at the latest revision")


@cli.command()
def demo() -> None:
    """Seed the demo cabinet and project (safe to run again)."""
    from gifthub.entrypoints.cli.demo import seed_demo

    settings = load_settings()
    asyncio.run(seed_demo(settings, click.echo))


from gifthub.entrypoints.cli.giftery import catalog, sandbox  # noqa: E402  (capability command groups)

cli.add_command(sandbox)
cli.add_command(catalog)
from gifthub.entrypoints.cli.counterparties import bic, emulator  # noqa: E402 (commands need ``cli``)

for _command in (bic, emulator):
    cli.add_command(_command)
from gifthub.entrypoints.cli.bus import asyncapi, worker  # noqa: E402

cli.add_command(worker)
cli.add_command(asyncapi)
from gifthub.entrypoints.cli.billing import billing  # noqa: E402

cli.add_command(billing)
from gifthub.entrypoints.cli.openapi import openapi  # noqa: E402

cli.add_command(openapi)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
