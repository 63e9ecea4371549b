"""Certificates executed per second against the Giftery sandbox (zero latency) versus the configured rate.

A certificate is makeOrder + getStatus + getCode + getLinks (4 requests); the client paces every request
to GIFTERY_RATE (default here 60 req/s), so the ceiling is rate / 4 certificates per second. Target: the
achieved request rate is at least 95% of the configured one (the pacing, not the client, is the limit).
The sandbox runs in its own process, so the client's event loop is measured alone.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid

import httpx

from gifthub.adapters.giftery.client import GifteryClient
from gifthub.adapters.giftery.config import GifteryConfig
from gifthub.application.ports.giftery_gateway import CertificateRequest, QueueStatus

SECRET = "bench-secret"
CLIENT_ID = "77"
CALLS_PER_CERTIFICATE = 4  # makeOrder, getStatus, getCode, getLinks


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_sandbox() -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, "-c", "from gifthub.entrypoints.cli import main; main()", "sandbox", "giftery"]
    command += ["--port", str(port), "--client-id", CLIENT_ID, "--secret", SECRET]
    command += ["--processing-seconds", "0", "--log-level", "warning"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(url, timeout=1).raise_for_status()
            return process, url
        except httpx.HTTPError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("the sandbox did not start") from None
            time.sleep(0.2)


async def _run(url: str, rate: float, seconds: float, concurrency: int) -> tuple[int, int, float]:
    client = GifteryClient(GifteryConfig(url=url, client_id=CLIENT_ID, secret=SECRET, rate=rate, max_concurrency=8))
    product_id, face = "1002", 1000  # a free-nominal RU product of the sandbox catalog
    done = 0
    stop_at = time.monotonic() + seconds

    async def worker() -> None:
        nonlocal done
        while time.monotonic() < stop_at:
            key = str(uuid.uuid4())
            request = CertificateRequest(uuid=key, external_id=f"bench-{key}", product_id=product_id, face=face)
            queue_id = await client.make_order(request)
            status = await client.get_status(queue_id)
            if status.status is QueueStatus.OK:
                await client.get_code(queue_id)
                done += 1

    await client.get_balance()  # warm the connection pool outside the measurement
    calls_before = client.calls
    started = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.monotonic() - started
    calls = client.calls - calls_before
    await client.aclose()
    return done, calls, elapsed


def main() -> None:
    rate = float(os.environ.get("GIFTERY_RATE") or 60)
    seconds = float(os.environ.get("BENCH_SECONDS") or 10)
    process, url = _start_sandbox()
    try:
        done, calls, elapsed = asyncio.run(_run(url, rate, seconds, concurrency=16))
    finally:
        process.terminate()
        process.wait(timeout=10)
    request_rate = calls / elapsed
    certificates = done / elapsed
    ceiling = rate / CALLS_PER_CERTIFICATE
    print(f"configured rate            {rate:8.1f} req/s   (ceiling {ceiling:.1f} certificates/s at 4 calls each)")
    print("  (a certificate = makeOrder, getStatus, getCode, getLinks)")
    print(f"achieved request rate      {request_rate:8.1f} req/s   ({calls} requests in {elapsed:.1f} s)")
    print(
        f"certificates executed      {certificates:8.1f} /s      "
        f"({done} certificates, {certificates / ceiling:.1%} of the ceiling)"
    )
    ratio = request_rate / rate
    print(f"ratio achieved/configured  {ratio:8.1%}   target >= 95%: {'met' if ratio >= 0.95 else 'NOT met'}")


if __name__ == "__main__":
    main()
