"""Holds per second through the HTTP API on PostgreSQL with concurrent clients, against a baseline:
a bare Litestar endpoint inserting one row with the same driver, in the same run. Target: >= 0.5x."""

from __future__ import annotations

import asyncio
import time
import uuid

import httpx

from bench.common import embedded_postgres, report, serve

CLIENTS = 32
REQUESTS = 3000
TOKEN = "bench-admin-token-0123456789"


async def _load(base: str, path_for, body_for, headers: dict[str, str]) -> tuple[int, float, list[float]]:
    latencies: list[float] = []
    counter = iter(range(REQUESTS))
    failures = 0

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal failures
        for i in counter:
            started = time.perf_counter()
            answer = await client.post(path_for(i), json=body_for(i))
            latencies.append(time.perf_counter() - started)
            if answer.status_code >= 300:
                failures += 1

    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=60) as client:
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client) for _ in range(CLIENTS)))
        elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{failures} requests failed")
    return REQUESTS, elapsed, latencies


def _seed(base: str) -> str:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    cabinet = httpx.post(f"{base}/api/v1/cabinets", json={"name": "Bench"}, headers=headers).json()
    project = httpx.post(
        f"{base}/api/v1/cabinets/{cabinet['id']}/projects", json={"name": "Bench", "region": "RU"}, headers=headers
    ).json()
    body = {"amount": "100000000.00", "currency": "RUB", "reference": {"kind": "payment", "value": "bench"}}
    httpx.post(f"{base}/api/v1/projects/{project['id']}/top-ups", json=body, headers=headers).raise_for_status()
    return project["id"]


def main() -> None:
    postgres = embedded_postgres()
    postgres.psql("CREATE DATABASE bench_app;")
    postgres.psql("CREATE DATABASE bench_baseline;")
    app_url = postgres.get_uri(database="bench_app").replace("postgresql://", "postgresql+asyncpg://")
    baseline_url = postgres.get_uri(database="bench_baseline").replace("postgresql://", "postgresql+asyncpg://")

    import subprocess
    import sys

    env = {"GIFTHUB_DATABASE_URL": app_url, "GIFTHUB_ADMIN_TOKEN": TOKEN, "GIFTHUB_DB_POOL_SIZE": "20"}
    subprocess.run(
        [sys.executable, "-m", "gifthub.entrypoints.cli", "migrate"],
        env=__import__("os").environ | env,
        check=True,
        capture_output=True,
    )

    baseline, baseline_base = serve("bench.baseline_app:create_app", {"BENCH_DATABASE_URL": baseline_url})
    try:
        asyncio.run(_load(baseline_base, lambda i: "/rows", lambda i: {"payload": "warm-up"}, {}))
        count, seconds, latencies = asyncio.run(
            _load(baseline_base, lambda i: "/rows", lambda i: {"payload": f"row-{i}"}, {})
        )
        baseline_rate = report("baseline: bare insert endpoint", count, seconds, latencies)
    finally:
        baseline.terminate()
        baseline.wait()

    app, app_base = serve("gifthub.entrypoints.http.app:asgi", env)
    try:
        project_id = _seed(app_base)
        run_id = uuid.uuid4().hex[:8]
        headers = {"Authorization": f"Bearer {TOKEN}"}

        def body(prefix: str):
            return lambda i: {
                "amount": "1.00",
                "currency": "RUB",
                "reference": {"kind": "order", "value": f"{prefix}-{run_id}-{i}"},
            }

        path = f"/api/v1/projects/{project_id}/holds"
        asyncio.run(_load(app_base, lambda i: path, body("warm"), headers))
        count, seconds, latencies = asyncio.run(_load(app_base, lambda i: path, body("hold"), headers))
        holds_rate = report("gifthub: POST /holds (one project)", count, seconds, latencies)
    finally:
        app.terminate()
        app.wait()

    ratio = holds_rate / baseline_rate
    print(f"ratio holds/baseline: {ratio:.2f}  (target >= 0.50: {'met' if ratio >= 0.5 else 'NOT met'})")
