"""The Kontur.Focus adapter against the emulator over real loopback HTTP."""

from __future__ import annotations

import time

import httpx
import pytest

from gifthub.adapters.kontur.client import KonturFocusRegistry
from gifthub.adapters.kontur.emulator import create_kontur_emulator
from gifthub.application.ports.company_registry import CompanyRegistryError
from gifthub.domain.company import CompanyKind
from tests.support.live_server import LiveServer


@pytest.fixture(scope="module")
def kontur():
    app = create_kontur_emulator({"good-key"}, retry_after=0)
    with LiveServer(app) as server:
        server.state = app.state.emulator
        yield server


def _control(server, what: str, requests: int) -> None:
    httpx.post(f"{server.url}/_emulator/{what}", json={"requests": requests}).raise_for_status()


async def test_a_company_and_a_sole_proprietor(kontur):
    registry = KonturFocusRegistry(kontur.url, "good-key")
    sber = await registry.find_by_inn("7707083893")
    assert sber.kind is CompanyKind.LEGAL_ENTITY
    assert (sber.ogrn, sber.kpp, sber.short_name) == ("1027700132195", "773601001", "ПАО Сбербанк")
    assert sber.legal_address == "117312, г Москва, г Москва, ул Вавилова, д 19"
    assert sber.head_name == "Греф Герман Оскарович" and not sber.dissolved
    ip = await registry.find_by_inn("561100409545")
    assert ip.kind is CompanyKind.SOLE_PROPRIETOR
    assert (ip.ogrn, ip.kpp, ip.short_name) == ("304500116000157", "", "ИП Иванов Иван Иванович")
    dissolved = await registry.find_by_inn("5001007329")
    assert dissolved.dissolved and dissolved.status == "Ликвидировано"
    assert await registry.find_by_inn("7702070139") is None  # unknown INN: absent from the array


def test_the_emulator_speaks_the_documented_wire(kontur):
    both = httpx.get(f"{kontur.url}/api3/req", params={"key": "good-key", "inn": "7707083893,561100409545,1"})
    assert both.status_code == 200 and [c["inn"] for c in both.json()] == ["7707083893", "561100409545"]
    by_ogrn = httpx.get(f"{kontur.url}/api3/req", params={"key": "good-key", "ogrn": "1027700132195"})
    assert [c["inn"] for c in by_ogrn.json()] == ["7707083893"]
    missing = httpx.get(f"{kontur.url}/api3/req", params={"key": "good-key", "inn": "abc"})
    assert (missing.status_code, missing.text) == (400, "inn/ogrn param is not specified")
    assert missing.headers["content-type"].startswith("text/plain")
    denied = httpx.get(f"{kontur.url}/api3/req", params={"key": "bad", "inn": "7707083893"})
    assert (denied.status_code, denied.text) == (403, "No valid key specified")


async def test_a_wrong_key_is_a_clear_error(kontur):
    with pytest.raises(CompanyRegistryError, match="refused the API key"):
        await KonturFocusRegistry(kontur.url, "wrong").find_by_inn("7707083893")


async def test_429_is_retried_and_gives_up_with_a_clear_error(kontur):
    registry = KonturFocusRegistry(kontur.url, "good-key", attempts=3)
    _control(kontur, "throttle", 2)
    assert (await registry.find_by_inn("7707083893")).inn == "7707083893"
    _control(kontur, "throttle", 3)
    with pytest.raises(CompanyRegistryError, match="over its request limit"):
        await registry.find_by_inn("7707083893")


async def test_garbage_is_a_clear_error(kontur):
    _control(kontur, "garble", 1)
    with pytest.raises(CompanyRegistryError, match=r"not JSON \(text/html\)"):
        await KonturFocusRegistry(kontur.url, "good-key").find_by_inn("7707083893")


async def test_unreachable_registry():
    with pytest.raises(CompanyRegistryError, match="unreachable"):
        await KonturFocusRegistry("http://127.0.0.1:9", "k", attempts=1).find_by_inn("7707083893")


async def test_retry_after_is_honoured_under_load():
    app = create_kontur_emulator({"k"}, max_per_second=1, retry_after=1)
    with LiveServer(app) as server:
        registry = KonturFocusRegistry(server.url, "k")
        started = time.monotonic()
        await registry.find_by_inn("7707083893")
        await registry.find_by_inn("7707083893")  # over the load: 429, Retry-After: 1, then served
        assert time.monotonic() - started >= 0.9
        assert app.state.emulator.requests == 3
