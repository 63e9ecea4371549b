"""Slow and broken clients are cut off by timeouts without hurting the others, over a real uvicorn served
as ``gifthub serve`` serves it: connections that send nothing, headers or a body trickled a byte at a time."""

from __future__ import annotations

import socket
import time
from dataclasses import replace

import httpx
import pytest

from gifthub.config_http import HttpServerSettings
from gifthub.entrypoints.http.app import create_app
from gifthub.entrypoints.http.server import uvicorn_options
from tests.support.live_server import LiveServer

pytestmark = pytest.mark.timeout(120)
TIMEOUTS = replace(HttpServerSettings(), keep_alive_seconds=1.0, header_timeout_seconds=1.0, body_timeout_seconds=1.5)


@pytest.fixture
def database_url(tmp_path) -> str:
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


@pytest.fixture
def server(settings):
    settings = replace(settings, http=TIMEOUTS)
    with LiveServer(create_app(settings), **uvicorn_options(settings.http)) as live:
        yield live


def _connect(server: LiveServer) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    return sock


def _quick_answer(server: LiveServer) -> float:
    """A normal client meanwhile: a fresh connection, /healthz; returns the seconds it took."""
    started = time.monotonic()
    answer = httpx.get(f"{server.url}/healthz", timeout=5)
    assert answer.status_code == 200
    return time.monotonic() - started


def _closed_within(sock: socket.socket, seconds: float, trickle: bytes = b"") -> tuple[float, bytes]:
    """Feed ``trickle`` a byte each 0.1 s until the server closes; returns (when, what it answered)."""
    started, answered = time.monotonic(), b""
    sock.settimeout(0.1)
    for position in range(int(seconds / 0.1)):
        if trickle:
            try:
                sock.sendall(trickle[position % len(trickle) : position % len(trickle) + 1])
            except OSError:
                return time.monotonic() - started, answered
        try:
            chunk = sock.recv(4096)
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - started, answered
        if not chunk:
            return time.monotonic() - started, answered
        answered += chunk
    raise AssertionError(f"the server kept the connection open for {seconds} s")


def test_connections_that_send_nothing_are_closed_and_others_are_served_meanwhile(server):
    opened = time.monotonic()
    idle = [_connect(server) for _ in range(200)]
    try:
        assert _quick_answer(server) < 0.5
        _, answered = _closed_within(idle[-1], seconds=5)
        assert 0.9 < time.monotonic() - opened < 2.5 and answered.startswith(b"HTTP/1.1 408 ")
        # Every one is closed by now (a reset instead of the 408 is as good: the server let go).
        answers = {_closed_within(sock, seconds=2)[1][:12] for sock in idle[:-1]}
        assert answers <= {b"HTTP/1.1 408", b""}
    finally:
        for sock in idle:
            sock.close()


def test_headers_sent_a_byte_at_a_time_are_cut_off(server):
    with _connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\n")
        took, answered = _closed_within(sock, seconds=5, trickle=b"X-Slow: yes\r\n")
    assert took < 2.5 and answered.startswith(b"HTTP/1.1 408 ")


def test_a_body_sent_a_byte_at_a_time_is_cut_off_and_others_are_served_meanwhile(server):
    with _connect(server) as sock:
        sock.sendall(
            b"POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{"
        )
        time.sleep(0.3)
        assert _quick_answer(server) < 0.5
        took, answered = _closed_within(sock, seconds=6, trickle=b'"a"')
    assert 1.0 < took < 3.0 and answered.startswith(b"HTTP/1.1 408 ")


def test_an_idle_kept_alive_connection_closes_after_the_keep_alive_timeout(server):
    with _connect(server) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        time.sleep(0.2)
        assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")
        took, answered = _closed_within(sock, seconds=4)
    assert took < 2.0 and answered == b""  # closed quietly: it had its answer
