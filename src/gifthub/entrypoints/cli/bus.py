"""``gifthub worker`` (relay + consumers on NATS) and ``gifthub asyncapi`` (the bus document)."""

from __future__ import annotations

import asyncio
import json
import signal
from pathlib import Path

import click


@click.command()
@click.option("--relay/--no-relay", default=True, show_default=True, help="Run the outbox relay.")
@click.option("--consumers/--no-consumers", default=True, show_default=True, help="Run the bus consumers.")
@click.option("--orders/--no-orders", default=True, show_default=True, help="Execute queued orders (buy certificates).")
@click.option(
    "--jobs/--no-jobs", default=True, show_default=True, help="Run the scheduled billing jobs (each run once overall)."
)
def worker(relay: bool, consumers: bool, orders: bool, jobs: bool) -> None:
    """Run the outbox relay and the bus consumers against NATS JetStream (GIFTHUB_NATS_URL), execute
    queued orders and run the scheduled jobs. Run several on PostgreSQL: no certificate is bought twice,
    and each scheduled run happens in one of them."""
    from gifthub.adapters.bus.settings import MessagingSettings
    from gifthub.entrypoints.bus.runtime import BusRuntime
    from gifthub.entrypoints.cli.main import load_settings
    from gifthub.entrypoints.jobs.order_worker import run_order_worker
    from gifthub.entrypoints.jobs.scheduler import run_scheduler
    from gifthub.ioc import make_container

    settings = load_settings()
    uses_bus = relay or consumers
    if uses_bus and MessagingSettings.from_env(data_dir=settings.data_dir).bus != "nats":
        raise click.UsageError(
            "the relay and consumers of gifthub worker need GIFTHUB_BUS=nats (the in-memory bus runs inside "
            "gifthub serve); use --no-relay --no-consumers to execute orders only"
        )

    async def run() -> None:
        container = make_container(settings)
        runtime = BusRuntime(container, relay=relay, consumers=consumers)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, lambda: asyncio.ensure_future(runtime.stop()))
        stop = asyncio.Event()
        executing = asyncio.create_task(run_order_worker(container, stop=stop)) if orders else None
        scheduling = asyncio.create_task(run_scheduler(container, stop)) if jobs else None
        try:
            if uses_bus:
                await runtime.start()
            click.echo("worker running; Ctrl+C stops it")
            await runtime.wait()
        finally:
            stop.set()
            for task in (executing, scheduling):
                if task is not None:
                    await task
            if uses_bus:
                await runtime.stop()
            await container.close()

    asyncio.run(run())


ASYNCAPI_PATH = Path("docs/asyncapi.json")


def asyncapi_document() -> dict:
    """The bus document, the same on every machine (default settings, not this host's environment)."""
    from faststream.specification import AsyncAPI

    from gifthub.adapters.bus.settings import MessagingSettings
    from gifthub.entrypoints.bus.dispatcher import Dispatcher
    from gifthub.entrypoints.bus.handlers import HANDLERS
    from gifthub.entrypoints.bus.nats_consumers import build_broker

    settings = MessagingSettings()

    class _NoContainer:  # the document needs the subscribers' shape, not a running container
        def __call__(self, *args, **kwargs):
            raise RuntimeError("documentation only")

    broker = build_broker(_NoContainer(), settings, HANDLERS, lambda dead: Dispatcher(None, dead, 1))
    spec = AsyncAPI(
        broker,
        title="GiftHub message bus",
        version="1.0.0",
        description="Domain events from the transactional outbox on NATS JetStream (stream GIFTHUB): subject "
        "gifthub.<event>, message id (Nats-Msg-Id) = outbox row id; malformed messages go to "
        "gifthub.dead.<subject> with the reason in the Gifthub-Dead-Reason header.",
    )
    return json.loads(spec.to_specification().to_json())


def asyncapi_text() -> str:
    """As committed in docs/asyncapi.json: sorted keys, so a regeneration differs only when the bus does."""
    return json.dumps(asyncapi_document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@click.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=ASYNCAPI_PATH)
def asyncapi(output: Path) -> None:
    """Write the AsyncAPI document of the bus (subjects and payload schemas); docs/asyncapi.json is
    committed, and a test fails when it differs from what this writes."""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(asyncapi_text(), encoding="utf-8")
    click.echo(f"AsyncAPI document written to {output}")
