"""The Giftery client against the sandbox over loopback HTTP, with every fault switched on in turn."""

from __future__ import annotations

import asyncio
import time
import uuid

import httpx
import pytest

from gifthub.adapters.giftery.protocol import BAD_SIGNATURE, FACE_NOT_ALLOWED, encode_data, sign
from gifthub.application.ports.giftery_gateway import (
    CertificateRequest,
    GifteryError,
    GifteryUnavailable,
    QueueStatus,
)
from gifthub.domain.catalog import Acceptance
from gifthub.domain.region import Region
from tests.support.giftery import CLIENT_ID, SECRET, make_client


def request(product_id: str = "1001", face: int = 1000, key: str | None = None) -> CertificateRequest:
    key = key or str(uuid.uuid4())
    return CertificateRequest(uuid=key, external_id=f"cert-{key}", product_id=product_id, face=face)


def fixed_face(sandbox, product_id: str) -> int:
    return next(int(f) for f in sandbox.state.catalog.products[product_id]["faces"] if int(f) > 0)


async def test_the_catalog_arrives_parsed_with_regions_nominals_and_images(giftery):
    snapshot = await giftery.fetch_catalog()
    assert len(snapshot.products) >= 200
    assert {p.region for p in snapshot.products} == {Region.RU, Region.KZ, Region.BY}
    assert len(snapshot.categories) == 12
    free = [p for p in snapshot.products if p.nominals.is_free]
    fixed_only = [p for p in snapshot.products if not p.nominals.is_free]
    assert free and fixed_only
    rub_free = next(p for p in free if p.region is Region.RU)
    assert (rub_free.nominals.minimum, rub_free.nominals.maximum, rub_free.nominals.step) == (50000, 5000000, 10000)
    assert all(p.image_url.startswith("http://127.0.0.1:") and p.image_url.endswith(".svg") for p in snapshot.products)
    assert {p.acceptance for p in snapshot.products} == set(Acceptance)
    assert all(p.brand_name and p.title_en for p in snapshot.products)


async def test_an_order_goes_from_queue_to_code_links_and_pdf(giftery, sandbox):
    queue_id = await giftery.make_order(request(face=fixed_face(sandbox, "1001")))
    status = await giftery.get_status(queue_id)
    assert status.status is QueueStatus.OK and status.queue_id == queue_id
    code = await giftery.get_code(queue_id)
    assert code.code.startswith("SBX-") and code.download_url.endswith(f"/certificates/{queue_id}.pdf")
    pdf = await giftery.get_certificate_pdf(queue_id)
    assert pdf.startswith(b"%PDF")
    assert await giftery.get_balance() < 10_000_000


async def test_make_order_is_idempotent_on_uuid(giftery, sandbox):
    order = request(face=fixed_face(sandbox, "1001"))
    first = await giftery.make_order(order)
    second = await giftery.make_order(order)
    assert first == second
    assert sandbox.state.stats()["orders"] == 1


async def test_find_order_by_uuid_and_none_for_an_unknown_one(giftery, sandbox):
    order = request(face=fixed_face(sandbox, "1001"))
    queue_id = await giftery.make_order(order)
    found = await giftery.find_order(order.uuid, order.external_id)
    assert found is not None and found.queue_id == queue_id and found.external_id == order.external_id
    assert await giftery.find_order(str(uuid.uuid4()), "cert-nobody") is None


async def test_a_refusal_is_a_gifteryerror(giftery):
    with pytest.raises(GifteryError) as refused:
        await giftery.make_order(request(face=7))
    assert refused.value.code == FACE_NOT_ALLOWED


async def test_a_bad_signature_gets_the_error_envelope(sandbox_server, sandbox):
    data = encode_data({})
    params = {"id": CLIENT_ID, "cmd": "getBalance", "in": "json", "out": "json", "data": data}
    async with httpx.AsyncClient() as http:
        bad = await http.get(sandbox_server.url + "/", params={**params, "sig": sign("getBalance", data, "wrong")})
        good = await http.get(sandbox_server.url + "/", params={**params, "sig": sign("getBalance", data, SECRET)})
    assert bad.status_code == 200
    assert bad.json()["status"] == "error" and bad.json()["error"]["code"] == BAD_SIGNATURE
    assert good.json()["status"] == "ok"
    wrong_secret = make_client(sandbox_server.url, secret="not-the-secret")
    with pytest.raises(GifteryError):
        await wrong_secret.get_balance()
    await wrong_secret.aclose()


async def test_timeout_after_the_order_was_taken_does_not_buy_twice(sandbox_server, sandbox):
    sandbox.faults.update({"hang_after_order_rate": 1, "hang_seconds": 1.0})
    client = make_client(sandbox_server.url, timeout=0.3)
    try:
        queue_id = await client.make_order(request(face=fixed_face(sandbox, "1001")))
    finally:
        await client.aclose()
    stats = sandbox.state.stats()
    assert stats["orders"] == 1
    assert stats["calls"]["makeOrder"] == 1  # asked getStatus instead of sending makeOrder again
    assert str(next(iter(sandbox.state.orders))) == queue_id


async def test_5xx_on_make_order_is_reconciled_then_reported_unknown(giftery, sandbox):
    sandbox.faults.update({"http_error_rate": 1, "commands": ["makeOrder"]})
    with pytest.raises(GifteryUnavailable):
        await giftery.make_order(request(face=fixed_face(sandbox, "1001")))
    stats = sandbox.state.stats()
    assert stats["orders"] == 0
    # Each resend came only after getStatus proved the previous one was not taken.
    assert stats["calls"]["makeOrder"] == 2 and stats["calls"]["getStatus"] == 2


async def test_5xx_everywhere_never_resends_blindly(giftery, sandbox):
    sandbox.faults.update({"http_error_rate": 1})
    with pytest.raises(GifteryUnavailable):
        await giftery.make_order(request(face=fixed_face(sandbox, "1001")))
    assert sandbox.state.stats()["calls"] == {"makeOrder": 1, "getStatus": 1}


async def test_error_replies_are_refusals(giftery, sandbox):
    sandbox.faults.update({"error_reply_rate": 1})
    with pytest.raises(GifteryError):
        await giftery.get_balance()
    with pytest.raises(GifteryError):
        await giftery.make_order(request(face=fixed_face(sandbox, "1001")))
    assert sandbox.state.stats()["orders"] == 0


async def test_latency_and_slow_status_are_felt_and_timeouts_are_unavailable(sandbox_server, sandbox):
    sandbox.faults.update({"latency": 0.2})
    client = make_client(sandbox_server.url, timeout=2.0)
    started = time.monotonic()
    await client.get_balance()
    assert time.monotonic() - started >= 0.2
    sandbox.faults.update({"latency": 0, "status_delay": 1.0})
    hasty = make_client(sandbox_server.url, timeout=0.3)
    queue_id = await hasty.make_order(request(face=fixed_face(sandbox, "1001")))
    with pytest.raises(GifteryUnavailable):
        await hasty.get_status(queue_id)
    await asyncio.gather(client.aclose(), hasty.aclose())


async def test_orders_stay_queued_then_finish_or_fail(giftery, sandbox):
    sandbox.faults.update({"processing_seconds": 0.3})
    queue_id = await giftery.make_order(request(face=fixed_face(sandbox, "1001")))
    assert (await giftery.get_status(queue_id)).status is QueueStatus.PENDING
    with pytest.raises(GifteryError):
        await giftery.get_code(queue_id)
    await asyncio.sleep(0.35)
    assert (await giftery.get_status(queue_id)).status is QueueStatus.OK
    sandbox.faults.update({"processing_seconds": 0, "order_failure_rate": 1})
    failed = await giftery.get_status(await giftery.make_order(request(face=fixed_face(sandbox, "1001"))))
    assert failed.status is QueueStatus.ERROR and failed.error_text


async def test_concurrency_is_bounded_and_the_rate_paces_requests(sandbox_server, sandbox):
    client = make_client(sandbox_server.url, rate=20, max_concurrency=2)
    started = time.monotonic()
    await asyncio.gather(*(client.get_balance() for _ in range(10)))
    elapsed = time.monotonic() - started
    await client.aclose()
    assert elapsed >= 9 / 20 - 0.02  # ten starts at 20/s: the tenth no sooner than 0.45 s after the first
    assert client.calls == 10


async def test_a_lost_reply_stays_unknown_when_giftery_cannot_look_up_by_uuid(sandbox_server, sandbox):
    sandbox.faults.update({"hang_after_order_rate": 1, "hang_seconds": 1.0, "lookup_by_uuid": False})
    client = make_client(sandbox_server.url, timeout=0.3)
    try:
        with pytest.raises(GifteryUnavailable):  # never GifteryError: the order WAS taken
            await client.make_order(request(face=fixed_face(sandbox, "1001")))
    finally:
        await client.aclose()
    assert sandbox.state.stats()["orders"] == 1 and sandbox.state.stats()["calls"]["makeOrder"] == 1


async def test_the_sandbox_serves_its_images_pdfs_and_banner(giftery, sandbox_server, sandbox):
    queue_id = await giftery.make_order(request(face=fixed_face(sandbox, "1001")))
    async with httpx.AsyncClient(base_url=sandbox_server.url) as http:
        banner, logo, pdf = await asyncio.gather(
            http.get("/"), http.get("/images/1.svg"), http.get(f"/certificates/{queue_id}.pdf")
        )
        stats = await http.get("/control/stats")
        bad_fault = await http.post("/control/faults", json={"teleport": 1})
    assert "SANDBOX" in banner.text and logo.headers["content-type"] == "image/svg+xml"
    assert pdf.content.startswith(b"%PDF") and stats.json()["orders"] == 1
    assert bad_fault.status_code == 400
