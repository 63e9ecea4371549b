"""The `gifthub` command as a user runs it: real processes, a real SQLite file, real HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx

from tests.support.live_server import free_port


def run(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gifthub.entrypoints.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def cli_env(tmp_path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIFTHUB_")}
    return env | {"GIFTHUB_DATA_DIR": str(tmp_path / "var")} | extra


def test_help_on_every_command(tmp_path):
    env = cli_env(tmp_path)
    top = run("--help", env=env)
    assert top.returncode == 0 and "serve" in top.stdout and "migrate" in top.stdout and "demo" in top.stdout
    for command in ("serve", "migrate", "demo"):
        answer = run(command, "--help", env=env)
        assert answer.returncode == 0, answer.stderr
        assert "Usage:" in answer.stdout


def test_a_bad_setting_is_named_at_start(tmp_path):
    answer = run("migrate", env=cli_env(tmp_path, GIFTHUB_PORT="eighty"))
    assert answer.returncode != 0
    assert "GIFTHUB_PORT" in answer.stderr and "whole number" in answer.stderr
    answer = run("migrate", env=cli_env(tmp_path, GIFTHUB_DATABASE_URL="mysql://x/y"))
    assert "GIFTHUB_DATABASE_URL" in answer.stderr


def test_migrate_demo_and_serve_from_nothing(tmp_path):
    env = cli_env(tmp_path)
    assert run("migrate", env=env).returncode == 0
    first = run("demo", env=env)
    second = run("demo", env=env)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    # Idempotent: the same project, and the demo payment credited once.
    assert first.stdout.splitlines()[0] == second.stdout.splitlines()[0]
    assert "Balance: 100000.00 RUB" in second.stdout
    token = (tmp_path / "var" / "admin-token").read_text().strip()
    assert token in first.stdout

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gifthub.entrypoints.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "serve did not come up"
            time.sleep(0.2)
        assert httpx.get(f"{base}/readyz").json() == {"status": "ok", "database": "ok"}
        schema = httpx.get(f"{base}/schema/openapi.json").json()
        assert schema["info"]["title"] == "GiftHub API"
        projects = httpx.get(f"{base}/api/v1/projects", headers={"Authorization": f"Bearer {token}"}).json()
        assert [p["name"] for p in projects["items"]] == ["Demo project"]
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_readyz_says_when_migrations_are_pending(tmp_path):
    """A database that is reachable but not migrated is not ready."""
    port = free_port()
    env = cli_env(tmp_path)
    server = subprocess.Popen(
        [sys.executable, "-m", "gifthub.entrypoints.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/readyz")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert answer.status_code == 503 and answer.json()["database"] == "migrations pending"
    finally:
        server.terminate()
        server.wait(timeout=20)
