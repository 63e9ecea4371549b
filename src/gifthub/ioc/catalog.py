"""The local catalog, its prices and its use cases."""

from __future__ import annotations

from dishka import Provider, Scope, provide, provide_all
from sqlalchemy.ext.asyncio import AsyncEngine

from gifthub.adapters.persistence.engine import session_factory
from gifthub.adapters.persistence.repositories.catalog_reader import SqlCatalog
from gifthub.adapters.persistence.repositories.catalog_store import SqlCatalogStore
from gifthub.adapters.persistence.repositories.commission_rules import SqlCommissionRules, SqlPricingReader
from gifthub.application.catalog.get_product import GetProduct
from gifthub.application.catalog.list_brands import ListBrands
from gifthub.application.catalog.list_categories import ListCategories
from gifthub.application.catalog.list_commissions import ListCommissions
from gifthub.application.catalog.list_products import ListProducts
from gifthub.application.catalog.remove_commission import RemoveCommission
from gifthub.application.catalog.set_commission import SetCommission
from gifthub.application.catalog.sync_catalog import SyncCatalog
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.catalog_search import CatalogSearch
from gifthub.application.ports.catalog_store import CatalogStore
from gifthub.application.ports.commission_rules import CommissionRules
from gifthub.application.ports.pricing_reader import PricingReader


class CatalogProvider(Provider):
    scope = Scope.REQUEST

    @provide(scope=Scope.APP)
    def catalog(self, engine: AsyncEngine) -> SqlCatalog:
        # Read through sessions of their own that take no write lock: orders read the catalog and
        # prices inside their own write transaction (on SQLite a second writer would wait for itself).
        return SqlCatalog(session_factory(engine, read_only=True))

    @provide(scope=Scope.APP)
    def reader(self, catalog: SqlCatalog) -> CatalogReader:
        return catalog

    @provide(scope=Scope.APP)
    def search(self, catalog: SqlCatalog) -> CatalogSearch:
        return catalog

    store = provide(SqlCatalogStore, provides=CatalogStore, scope=Scope.APP)
    rules = provide(SqlCommissionRules, provides=CommissionRules, scope=Scope.APP)

    @provide(scope=Scope.APP)
    def pricing(self, engine: AsyncEngine) -> PricingReader:
        return SqlPricingReader(session_factory(engine, read_only=True))

    use_cases = provide_all(
        SyncCatalog,
        ListProducts,
        GetProduct,
        ListBrands,
        ListCategories,
        SetCommission,
        ListCommissions,
        RemoveCommission,
    )
