"""Catalog sync from the sandbox over loopback HTTP into SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses

import pytest

from gifthub.application.catalog.errors import CatalogSourceUnavailable
from gifthub.application.catalog.sync_catalog import SyncCatalog
from gifthub.application.errors import Forbidden
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.catalog_search import CatalogSearch, ProductFilter
from gifthub.config import Settings, SettingsError
from gifthub.config_giftery import GifterySettings
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.region import Region
from gifthub.entrypoints.jobs.catalog_sync import catalog_sync_loop
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.support.giftery import CLIENT_ID, SECRET

SYSTEM = Principal.system("test")


@pytest.fixture
async def catalog_container(settings, clock, sandbox_server, sandbox):
    giftery = GifterySettings(url=sandbox_server.url + "/", client_id=CLIENT_ID, secret=SECRET, rate=0)
    container = make_container(dataclasses.replace(settings, giftery=giftery), clock_provider(clock))
    yield container
    await container.close()


async def sync(container, principal=SYSTEM):
    async with container() as scope:
        return await (await scope.get(SyncCatalog)).execute(principal)


async def test_sync_fills_updates_and_deactivates(catalog_container, sandbox, clock):
    first = await sync(catalog_container)
    assert (first.products_total, first.products_added, first.products_deactivated) == (228, 228, 0)
    assert first.brands == 76 and first.categories == 12

    reader = await catalog_container.get(CatalogReader)
    product = await reader.get_product("1002")
    assert product is not None and product.active and product.nominals.is_free and product.category_ids
    assert product.region is Region.RU and product.image_url.endswith(".svg")
    assert (await reader.get_brand(product.brand_id)).name == product.brand_name

    clock.advance(minutes=5)
    again = await sync(catalog_container)
    assert (again.products_added, again.products_updated, again.products_deactivated) == (0, 0, 0)

    products = sandbox.state.catalog.products
    removed = [products.pop("1001"), products.pop("1003")]
    products["1002"]["title"] = "Renamed product"
    clock.advance(minutes=5)
    third = await sync(catalog_container)
    assert (third.products_total, third.products_updated, third.products_deactivated) == (226, 1, 2)
    gone = await reader.get_products([r["id"] for r in removed] + ["1002"])
    assert [gone[str(r["id"])].active for r in removed] == [False, False]
    assert gone["1002"].title == "Renamed product"
    search = await catalog_container.get(CatalogSearch)
    listed = await search.search(ProductFilter(regions=frozenset({Region.RU})), None, 500)
    assert len(listed) == 118 and "1001" not in {p.id for p in listed}

    products.update({str(r["id"]): r for r in removed})
    clock.advance(minutes=5)
    back = await sync(catalog_container)
    assert back.products_updated == 2  # reactivated
    assert (await reader.get_product("1001")).active


async def test_an_empty_or_failing_giftery_leaves_the_catalog_alone(catalog_container, sandbox, clock):
    await sync(catalog_container)
    saved = dict(sandbox.state.catalog.products)
    sandbox.state.catalog.products.clear()
    clock.advance(minutes=1)
    with pytest.raises(CatalogSourceUnavailable):
        await sync(catalog_container)
    sandbox.state.catalog.products.update(saved)
    sandbox.faults.update({"http_error_rate": 1})
    with pytest.raises(CatalogSourceUnavailable):
        await sync(catalog_container)
    search = await catalog_container.get(CatalogSearch)
    assert len(await search.search(ProductFilter(), None, 500)) == 228


async def test_only_platform_administrators_sync(catalog_container):
    user = Principal(PrincipalKind.USER, "u1")
    with pytest.raises(Forbidden):
        await sync(catalog_container, user)


async def test_the_scheduled_loop_syncs_and_survives_failures(catalog_container, sandbox):
    sandbox.faults.update({"http_error_rate": 1})
    loop = asyncio.create_task(catalog_sync_loop(catalog_container, minutes=0.002, first_delay=0))
    try:
        await asyncio.sleep(0.5)  # a few failing rounds: logged, not fatal
        assert not loop.done()
        sandbox.faults.update({"http_error_rate": 0})
        search = await catalog_container.get(CatalogSearch)
        for _ in range(100):
            if await search.search(ProductFilter(), None, 1):
                break
            await asyncio.sleep(0.1)
        assert len(await search.search(ProductFilter(), None, 500)) == 228
    finally:
        loop.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await loop


def test_giftery_settings_from_the_environment():
    default = Settings.from_env({})
    assert default.giftery.uses_sandbox and default.giftery.catalog_sync_minutes == 60
    assert default.giftery.endpoint("0.0.0.0", 8000) == "http://127.0.0.1:8000/sandbox/giftery/"
    real = Settings.from_env(
        {
            "GIFTERY_URL": "https://ssl-api.giftery.ru/",
            "GIFTERY_CLIENT_ID": "123",
            "GIFTERY_SECRET": "s3cr3t",
            "GIFTERY_RATE": "5",
            "GIFTERY_TIMEOUT": "20",
        }
    )
    assert real.giftery.endpoint("h", 1) == "https://ssl-api.giftery.ru/" and real.giftery.rate == 5.0
    assert "s3cr3t" not in repr(real)
    for bad in ({"GIFTERY_URL": "https://ssl-api.giftery.ru/"}, {"GIFTERY_RATE": "fast"}, {"GIFTERY_URL": "ftp://x"}):
        with pytest.raises(SettingsError):
            Settings.from_env(bad)


async def test_concurrent_syncs_do_not_collide(catalog_container):
    first, second = await asyncio.gather(sync(catalog_container), sync(catalog_container))
    assert sorted([first.products_added, second.products_added]) == [0, 228]
