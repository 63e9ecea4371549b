"""``gifthub bic import FILE`` and ``gifthub emulator kontur|bitrix24``."""

from __future__ import annotations

import asyncio

import click

from gifthub.application.counterparties.refresh_bank_directory import RefreshBankDirectory
from gifthub.application.ports.bank_directory import DirectoryFileError
from gifthub.domain.identity import Principal
from gifthub.entrypoints.cli.main import load_settings


@click.group()
def bic() -> None:
    """The Bank of Russia BIC directory (ED807)."""


@bic.command("import")
@click.argument("location")
def import_directory(location: str) -> None:
    """Replace the directory with LOCATION: an ED807 .xml, the daily .zip, or an http(s) URL.

    The file is checked completely first; a bad file replaces nothing.
    """
    from gifthub.ioc import make_container

    settings = load_settings()

    async def run():
        container = make_container(settings)
        try:
            async with container() as scope:
                use_case = await scope.get(RefreshBankDirectory)
                return await use_case.execute(Principal.system("cli"), location)
        finally:
            await container.close()

    try:
        snapshot = asyncio.run(run())
    except DirectoryFileError as error:
        raise click.ClickException(f"{location}: {error.message}; the directory was not changed") from None
    payable = sum(1 for bank in snapshot.banks if bank.can_receive_payments)
    click.echo(
        f"BIC directory of {snapshot.business_day or 'unknown date'} imported: "
        f"{len(snapshot.banks)} participants, {payable} can receive payment orders"
    )


@click.group()
def emulator() -> None:
    """Wire-level emulators of external services, for tests and the demo."""


@emulator.command("kontur")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8081, show_default=True)
@click.option("--key", "keys", multiple=True, default=["emulator-key"], show_default=True, help="Accepted API keys.")
@click.option("--max-per-second", type=int, default=None, help="Answer 429 above this many requests a second.")
def kontur(host: str, port: int, keys: tuple[str, ...], max_per_second: int | None) -> None:
    """Kontur.Focus: GET /api3/req?key=&inn= (or ogrn=)."""
    import uvicorn

    from gifthub.adapters.kontur.emulator import create_kontur_emulator

    click.echo(f"Kontur.Focus emulator on http://{host}:{port}/api3/req")
    uvicorn.run(create_kontur_emulator(set(keys), max_per_second=max_per_second), host=host, port=port)


@emulator.command("bitrix24")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8082, show_default=True)
@click.option("--webhook", default="1/emulatorwebhook", show_default=True, help="<user_id>/<code> accepted.")
def bitrix24(host: str, port: int, webhook: str) -> None:
    """Bitrix24: POST /rest/<user_id>/<code>/crm.lead.add.json (and crm.lead.list.json)."""
    import uvicorn

    from gifthub.adapters.bitrix24.emulator import create_bitrix24_emulator

    user_id, _, code = webhook.partition("/")
    if not user_id.isdigit() or not code:
        raise click.BadParameter("expected <user_id>/<code>, e.g. 1/emulatorwebhook", param_hint="--webhook")
    click.echo(f"Bitrix24 emulator; webhook URL: http://{host}:{port}/rest/{user_id}/{code}/")
    uvicorn.run(create_bitrix24_emulator({int(user_id): code}), host=host, port=port)
