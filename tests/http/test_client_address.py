"""Who the client is, over a real uvicorn served as ``gifthub serve`` serves it (the peer address matters):
X-Forwarded-For counts only from a configured proxy (GIFTHUB_TRUSTED_PROXIES), and then its rightmost
untrusted hop is the client: for the cabinet's IP allow-list, the per-IP sign-in throttle and the audit log."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest

from gifthub.config_http import HttpServerSettings, parse_networks
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.entrypoints.http.client_address import client_host
from gifthub.entrypoints.http.server import uvicorn_options
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider
from tests.support.identity import hasher_provider
from tests.support.live_server import LiveServer

pytestmark = pytest.mark.timeout(120)
CLIENT, OTHER, SPOOFED = "203.0.113.9", "198.51.100.7", "203.0.113.9"


@pytest.fixture
def database_url(tmp_path) -> str:
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


def _serve(settings, clock, trusted: str) -> LiveServer:
    settings = replace(settings, http=replace(HttpServerSettings(), trusted_proxies=parse_networks(trusted)))
    container = make_container(settings, *http_providers(), clock_provider(clock), hasher_provider())
    return LiveServer(create_app(settings, container), **uvicorn_options(settings.http))


def _closed_project(http: httpx.Client) -> tuple[str, dict]:
    """A project whose cabinet admits only 203.0.113.0/24, and its API key's headers."""
    cabinet = http.post("/api/v1/cabinets", json={"name": "Acme"}, headers=AUTH).json()
    project = http.post(
        f"/api/v1/cabinets/{cabinet['id']}/projects", json={"name": "Gifts", "region": "RU"}, headers=AUTH
    ).json()
    key = http.post(f"/api/v1/projects/{project['id']}/api-key", headers=AUTH).json()["bearer"]
    policy = {"require_two_factor": False, "allowed_networks": ["203.0.113.0/24"]}
    answer = http.put(f"/api/v1/cabinets/{cabinet['id']}/security-policy", json=policy, headers=AUTH)
    assert answer.status_code == 200, answer.text
    return f"/api/v1/projects/{project['id']}/balance", {"Authorization": f"Bearer {key}"}


def _failed_sign_ins(http: httpx.Client, count: int, forwarded_for: str | None, start: int = 0) -> list[int]:
    statuses = []
    for n in range(start, start + count):
        headers = {"X-Forwarded-For": forwarded_for or f"192.0.2.{n % 250}"}
        body = {"email": f"user{n}@example.com", "password": "wrong password!"}
        statuses.append(http.post("/api/v1/auth/sign-in", json=body, headers=headers).status_code)
    return statuses


def _failure_ips(http: httpx.Client) -> set[str]:
    trail = http.get("/api/v1/audit", params={"action": "auth.sign_in_failed", "limit": 200}, headers=AUTH)
    return {item["ip"] for item in trail.json()["items"]}


def test_a_forwarded_header_from_an_untrusted_peer_changes_nothing(settings, clock):
    with _serve(settings, clock, trusted="") as server, httpx.Client(base_url=server.url) as http:
        balance, key = _closed_project(http)
        assert http.get(balance, headers={**key, "X-Forwarded-For": SPOOFED}).status_code == 401

        # A new address in every request does not escape the per-IP throttle: the peer is what counts.
        statuses = _failed_sign_ins(http, 21, forwarded_for=None)
        assert statuses[:20] == [401] * 20 and statuses[20] == 429
        assert _failure_ips(http) == {"127.0.0.1"}


def test_behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client(settings, clock):
    with _serve(settings, clock, trusted="127.0.0.1, 10.0.0.0/8") as server, httpx.Client(base_url=server.url) as http:
        balance, key = _closed_project(http)
        # The client's own (possibly false) entries are left of what our proxies appended.
        assert http.get(balance, headers={**key, "X-Forwarded-For": f"{OTHER}, {CLIENT}, 10.1.2.3"}).status_code == 200
        assert http.get(balance, headers={**key, "X-Forwarded-For": f"{CLIENT}, {OTHER}"}).status_code == 401
        assert http.get(balance, headers=key).status_code == 401  # the proxy itself is not on the list

        # One client's failures throttle that client, not everyone behind the proxy.
        statuses = _failed_sign_ins(http, 21, forwarded_for=OTHER)
        assert statuses[:20] == [401] * 20 and statuses[20] == 429
        assert _failed_sign_ins(http, 1, forwarded_for=CLIENT, start=100) == [401]
        assert _failure_ips(http) == {OTHER, CLIENT}


def test_the_rule_for_each_shape_of_header():
    trusted = parse_networks("10.0.0.0/8, 2001:db8::/32")
    assert client_host("10.0.0.1", ["198.51.100.7"], trusted) == "198.51.100.7"
    assert client_host("10.0.0.1", ["1.1.1.1, 198.51.100.7", "10.0.0.2"], trusted) == "198.51.100.7"  # two headers
    assert client_host("10.0.0.1", ["10.0.0.3, 10.0.0.2"], trusted) == "10.0.0.3"  # all ours: the leftmost
    assert client_host("10.0.0.1", ["not-an-ip, 10.0.0.2"], trusted) == "10.0.0.2"  # garbage: its reporter
    assert client_host("10.0.0.1", [], trusted) == "10.0.0.1"
    assert client_host("2001:db8::1", ["[2001:db8:1::5]:443, 2a00::1"], trusted) == "2a00::1"
    assert client_host("192.0.2.1", ["198.51.100.7"], trusted) == "192.0.2.1"  # an untrusted peer's header
