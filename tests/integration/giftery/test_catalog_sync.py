"""Catalog sync from the sandbox over loopback HTTP into SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest

from gifthub.application.catalog.errors import CatalogSourceUnavailable
from gifthub.application.catalog.sync_catalog import SyncCatalog
from gifthub.application.errors import Forbidden
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.catalog_search import CatalogSearch, ProductFilter
from gifthub.config_giftery import GifterySettings
from gifthub.domain.identity import Principal, PrincipalKind
from gifthub.domain.region import Region
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.integration.giftery.conftest import CLIENT_ID, SECRET

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
