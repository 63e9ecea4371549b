from __future__ import annotations

from uuid import UUID

from gifthub.application.catalog.priced_product import PricedProduct, price_all
from gifthub.application.catalog.viewer import viewer_of
from gifthub.application.errors import NotFound
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.commission_rules import CommissionRules
from gifthub.application.ports.unit_of_work import UnitOfWork
from gifthub.domain.identity import Principal


class GetProduct:
    def __init__(self, uow: UnitOfWork, catalog: CatalogReader, rules: CommissionRules) -> None:
        self._uow, self._catalog, self._rules = uow, catalog, rules

    async def execute(self, principal: Principal, product_id: str, project_id: UUID | None) -> PricedProduct:
        viewer = await viewer_of(principal, project_id, self._uow)
        product = await self._catalog.get_product(product_id)
        visible = product is not None and (viewer.regions is None or product.region in viewer.regions)
        # A deactivated product stays readable to the platform only (its orders still point at it).
        if not visible or product is None or (not product.active and viewer.cabinet_id is not None):
            raise NotFound("product not found")
        return (await price_all(self._rules, viewer, [product]))[0]
