"""The catalog API end to end: sync from the sandbox over loopback, region visibility, filters, prices."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from litestar.testing import AsyncTestClient

from gifthub.config_giftery import GifterySettings
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider
from tests.http.helpers import new_project
from tests.support.giftery import CLIENT_ID, SECRET, sandbox, sandbox_server  # noqa: F401

API = "/api/v1/catalog"


@pytest.fixture
async def api(settings, clock, sandbox_server, sandbox):  # noqa: F811
    giftery = GifterySettings(url=sandbox_server.url + "/", client_id=CLIENT_ID, secret=SECRET, rate=0)
    settings = dataclasses.replace(settings, giftery=giftery)
    container = make_container(settings, *http_providers(), clock_provider(clock))
    async with AsyncTestClient(app=create_app(settings, container)) as client:
        client.headers.update(AUTH)
        synced = await client.post(f"{API}/sync")
        assert synced.status_code == 200, synced.text
        assert synced.json()["products_total"] == 228
        yield client


async def all_pages(client, params: dict) -> list[dict]:
    items, cursor = [], None
    while True:
        page = await client.get(f"{API}/products", params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


async def test_a_project_sees_its_region_paged_without_gaps(api):
    ru, kz = await new_project(api, region="RU"), await new_project(api, region="KZ")
    ru_items = await all_pages(api, {"project_id": ru["id"], "limit": 50})
    assert len(ru_items) == 120 == len({p["id"] for p in ru_items})
    assert {p["currency"] for p in ru_items} == {"RUB"}
    assert [p["title"] for p in ru_items] == sorted(p["title"] for p in ru_items)
    kz_items = await all_pages(api, {"project_id": kz["id"], "limit": 200})
    assert len(kz_items) == 60 and {p["region"] for p in kz_items} == {"KZ"}
    hidden = await api.get(f"{API}/products/{ru_items[0]['id']}", params={"project_id": kz["id"]})
    assert hidden.status_code == 404
    everything = await all_pages(api, {"limit": 200})  # the platform sees every region
    assert len(everything) == 228


async def test_search_and_filters(api):
    pid = (await new_project(api))["id"]
    found = await all_pages(api, {"project_id": pid, "q": "КНИЖНАЯ полка"})
    assert found and all("книжная полка" in p["title"].lower() for p in found)
    online = await all_pages(api, {"project_id": pid, "acceptance": "online"})
    assert online and {p["acceptance"] for p in online} == {"online", "both"}
    books = await all_pages(api, {"project_id": pid, "category_id": "5"})
    assert books and all("5" in p["category_ids"] for p in books)
    cheap = await all_pages(api, {"project_id": pid, "nominal_max": "600.00"})
    for product in cheap:
        faces = [Decimal(f["face"]) for f in product["nominals"]["fixed"]]
        free = product["nominals"]["free"]
        assert (faces and min(faces) <= 600) or (free and Decimal(free["min"]) <= 600)
    assert 0 < len(cheap) < 120
    bad = await api.get(f"{API}/products", params={"nominal_min": "100.00"})  # no region: which currency?
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "nominal_min"
    wrong = await api.get(f"{API}/products", params={"project_id": pid, "acceptance": "teleport"})
    assert wrong.status_code == 422


async def test_commission_rules_show_in_prices_most_specific_first(api):
    project = await new_project(api)
    pid, cabinet_id = project["id"], project["cabinet_id"]
    fee = await api.put("/api/v1/commissions/", json={"cabinet_id": cabinet_id, "percent": "5"})
    assert fee.status_code == 200, fee.text
    first, second = (await api.get(f"{API}/products", params={"project_id": pid, "limit": 2})).json()["items"]
    discount = await api.put(
        "/api/v1/commissions/",
        json={"cabinet_id": cabinet_id, "project_id": pid, "brand_id": first["brand_id"], "percent": "-2.5"},
    )
    assert discount.status_code == 200, discount.text
    priced = {p["id"]: p for p in await all_pages(api, {"project_id": pid, "limit": 200})}
    for product, percent in ((priced[first["id"]], Decimal("-2.5")), (priced[second["id"]], Decimal(5))):
        if second["brand_id"] == first["brand_id"] and percent == 5:
            continue
        assert Decimal(product["commission_percent"]) == percent
        for face in product["nominals"]["fixed"]:
            expected = (Decimal(face["face"]) * (100 + percent) / 100).quantize(Decimal("0.01"))
            assert Decimal(face["price"]) == expected
    detail = (await api.get(f"{API}/products/{first['id']}", params={"project_id": pid})).json()
    assert detail["commission_percent"] == "-2.50"
    rules = (await api.get("/api/v1/commissions/", params={"cabinet_id": cabinet_id})).json()
    assert [r["percent"] for r in rules] == ["-2.50", "5.00"]
    too_much = await api.put("/api/v1/commissions/", json={"cabinet_id": cabinet_id, "percent": "-100"})
    assert too_much.status_code == 422 and too_much.json()["errors"][0]["field"] == "percent"
    removed = await api.delete("/api/v1/commissions/", params={"cabinet_id": cabinet_id})
    assert removed.status_code == 204


async def test_brands_categories_and_a_failing_giftery(api, sandbox):  # noqa: F811
    pid = (await new_project(api, region="BY"))["id"]
    brands = (await api.get(f"{API}/brands", params={"project_id": pid, "limit": 200})).json()
    assert len(brands["items"]) == 16 and all(b["logo_url"].endswith(".svg") for b in brands["items"])
    categories = (await api.get(f"{API}/categories")).json()
    assert len(categories) == 12
    sandbox.faults.update({"http_error_rate": 1})
    failed = await api.post(f"{API}/sync")
    assert failed.status_code == 503 and failed.json()["type"] == "/problems/giftery-unavailable"
    assert len(await all_pages(api, {"project_id": pid})) == 48  # the local copy still serves
