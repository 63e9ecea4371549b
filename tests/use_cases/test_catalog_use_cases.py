"""Catalog use cases with hand-written fakes: sync safety, who sees which region, commission ranking."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from uuid import uuid4

import pytest

from gifthub.application.catalog.errors import CatalogSourceUnavailable, ProjectRequired
from gifthub.application.catalog.list_products import ListProducts, ProductQuery
from gifthub.application.catalog.sync_catalog import SyncCatalog
from gifthub.application.errors import Forbidden, NotFound
from gifthub.application.ports.catalog_search import ProductFilter
from gifthub.application.ports.catalog_store import SyncReport
from gifthub.application.ports.giftery_gateway import CatalogSnapshot, GifteryUnavailable
from gifthub.domain.catalog import Acceptance, NominalRule, Product
from gifthub.domain.commission_rules import CommissionRule, CommissionScope, InvalidCommissionRule, commission_for
from gifthub.domain.errors import InvalidAmount
from gifthub.domain.identity import CabinetRole, Principal, PrincipalKind, StaffRole
from gifthub.domain.pricing import Commission
from gifthub.domain.project import Project
from gifthub.domain.region import Region
from tests.support.clock import MutableClock

NOW = datetime(2026, 11, 1, tzinfo=UTC)


def product(product_id: str = "p1", brand_id: str = "b1", region: Region = Region.RU) -> Product:
    return Product(product_id, brand_id, "Title", "Title", region, NominalRule(fixed=(100000,)), Acceptance.BOTH)


class FakeGiftery:
    def __init__(self, snapshot: CatalogSnapshot | None = None, error: Exception | None = None) -> None:
        self.snapshot, self.error = snapshot or CatalogSnapshot(), error

    async def fetch_catalog(self) -> CatalogSnapshot:
        if self.error:
            raise self.error
        return self.snapshot


class FakeStore:
    def __init__(self) -> None:
        self.applied: list[CatalogSnapshot] = []

    async def apply(self, snapshot: CatalogSnapshot, at: datetime) -> SyncReport:
        self.applied.append(snapshot)
        return SyncReport(len(snapshot.products), len(snapshot.products), 0, 0, 1, 0, at)


class FakeProjects:
    def __init__(self, *projects: Project) -> None:
        self.by_id = {p.id: p for p in projects}

    async def get(self, project_id, *, for_update: bool = False):
        return self.by_id.get(project_id)


class FakeUow:
    def __init__(self, *projects: Project) -> None:
        self.projects = FakeProjects(*projects)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc) -> None:
        return None


class FakeSearch:
    def __init__(self, *products: Product) -> None:
        self.products, self.filters = list(products), []

    async def search(self, query: ProductFilter, after, limit: int) -> list[Product]:
        self.filters.append(query)
        return [p for p in self.products if query.regions is None or p.region in query.regions][:limit]


class FakeRules:
    def __init__(self, *rules: CommissionRule) -> None:
        self.rules = list(rules)

    async def rules_of(self, cabinet_id):
        return [r for r in self.rules if r.scope.cabinet_id == cabinet_id]


def new_project(region: Region = Region.KZ) -> Project:
    return Project.create(uuid4(), uuid4(), "Gifts", region, "KZ-0001", NOW)


async def test_sync_refuses_an_empty_catalog_and_maps_giftery_failures():
    store = FakeStore()
    with pytest.raises(CatalogSourceUnavailable):
        await SyncCatalog(FakeGiftery(), store, MutableClock()).execute(Principal.system())
    with pytest.raises(CatalogSourceUnavailable):
        await SyncCatalog(FakeGiftery(error=GifteryUnavailable("timeout")), store, MutableClock()).execute(
            Principal.system()
        )
    assert store.applied == []
    support = Principal.staff("s1", StaffRole.PLATFORM_SUPPORT)
    with pytest.raises(Forbidden):
        await SyncCatalog(FakeGiftery(CatalogSnapshot(products=[product()])), store, MutableClock()).execute(support)
    report = await SyncCatalog(FakeGiftery(CatalogSnapshot(products=[product()])), store, MutableClock()).execute(
        Principal.system()
    )
    assert report.products_added == 1 and len(store.applied) == 1


async def test_what_a_caller_sees_depends_on_the_project():
    project = new_project(Region.KZ)
    search = FakeSearch(product("ru", region=Region.RU), product("kz", region=Region.KZ))
    use_case = ListProducts(FakeUow(project), search, FakeRules())
    api_client = Principal(PrincipalKind.API_CLIENT, "b2b", project_id=project.id)
    page = await use_case.execute(api_client, ProductQuery(project_id=project.id))
    assert [p.product.id for p in page.items] == ["kz"]
    with pytest.raises(NotFound):  # another project does not exist for an API client
        await use_case.execute(api_client, ProductQuery(project_id=uuid4()))
    user = Principal.user("u1", {project.cabinet_id: CabinetRole.OWNER})
    with pytest.raises(ProjectRequired):
        await use_case.execute(user, ProductQuery())
    stranger = Principal(PrincipalKind.USER, "u2", cabinet_ids=frozenset({uuid4()}))
    with pytest.raises(NotFound):
        await use_case.execute(stranger, ProductQuery(project_id=project.id))
    page = await use_case.execute(user, ProductQuery(project_id=project.id, region="RU"))
    assert page.items == []  # asking for another region narrows, never widens
    await use_case.execute(user, ProductQuery(project_id=project.id, nominal_min="5000", text="  Big   SALE "))
    assert search.filters[-1].nominal_min == 500000 and search.filters[-1].text == "big sale"
    with pytest.raises(InvalidAmount):
        await use_case.execute(user, ProductQuery(project_id=project.id, nominal_min="5", nominal_max="1"))


def test_the_most_specific_commission_rule_wins():
    cabinet, project = uuid4(), uuid4()

    def rule(percent: str, **scope) -> CommissionRule:
        return CommissionRule(uuid4(), CommissionScope(cabinet, **scope), Commission(Decimal(percent)), NOW)

    rules = [
        rule("1"),
        rule("2", brand_id="b1"),
        rule("3", product_id="p1"),
        rule("4", project_id=project),
        rule("5", project_id=project, brand_id="b1"),
        rule("6", project_id=project, product_id="p1"),
    ]
    assert commission_for(rules, project, product("p1", "b1")).percent == 6
    assert commission_for(rules, project, product("p2", "b1")).percent == 5
    assert commission_for(rules, project, product("p2", "b2")).percent == 4
    assert commission_for(rules, uuid4(), product("p1", "b1")).percent == 3
    assert commission_for(rules, None, product("p2", "b1")).percent == 2
    assert commission_for(rules, None, product("p2", "b2")).percent == 1
    assert commission_for([], None, product()).percent == 0
    with pytest.raises(InvalidCommissionRule):
        CommissionScope(cabinet, brand_id="b1", product_id="p1")
