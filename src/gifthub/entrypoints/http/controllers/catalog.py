"""The catalog as a project sees it (region, prices), its sync, and commission rules."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, delete, get, post, put
from litestar.params import FromPath, JSONBody, Parameter, QueryParameter

from gifthub.application.catalog.get_product import GetProduct
from gifthub.application.catalog.list_brands import ListBrands
from gifthub.application.catalog.list_categories import ListCategories
from gifthub.application.catalog.list_commissions import ListCommissions
from gifthub.application.catalog.list_products import ListProducts, ProductQuery
from gifthub.application.catalog.remove_commission import RemoveCommission
from gifthub.application.catalog.set_commission import SetCommission, SetCommissionCommand
from gifthub.application.catalog.sync_catalog import SyncCatalog
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.domain.commission_rules import CommissionScope
from gifthub.domain.identity import Principal
from gifthub.entrypoints.http.schemas.catalog import (
    BrandOut,
    BrandPage,
    CategoryOut,
    CommissionIn,
    CommissionOut,
    ProductOut,
    ProductPage,
    SyncReportOut,
)

Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="page size")]
Cursor = Annotated[str | None, Parameter(description="next_cursor of the previous page")]
ProjectId = Annotated[
    UUID | None, QueryParameter(description="see the catalog as this project: its region and its prices")
]
Text = Annotated[str | None, QueryParameter(description="optional filter", max_length=200)]


class CatalogController(Controller):
    path = "/catalog"
    tags = ["catalog"]

    @get("/products", summary="Search the catalog (region and prices of the project)")
    async def list_products(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListProducts],
        project_id: ProjectId = None,
        q: Annotated[str, QueryParameter(description="words in the title or brand", max_length=200)] = "",
        region: Text = None,
        category_id: Text = None,
        brand_id: Text = None,
        acceptance: Annotated[str | None, QueryParameter(description="online, offline or both")] = None,
        nominal_min: Annotated[str | None, QueryParameter(description='e.g. "1000.00"', max_length=40)] = None,
        nominal_max: Annotated[str | None, QueryParameter(description='e.g. "5000.00"', max_length=40)] = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> ProductPage:
        query = ProductQuery(
            project_id=project_id,
            region=region,
            text=q,
            category_id=category_id,
            brand_id=brand_id,
            acceptance=acceptance,
            nominal_min=nominal_min,
            nominal_max=nominal_max,
            limit=limit,
            cursor=cursor,
        )
        page = await use_case.execute(principal, query)
        return ProductPage(items=[ProductOut.of(p) for p in page.items], next_cursor=page.next_cursor)

    @get("/products/{product_id:str}", summary="One product with its prices for the project")
    async def get_product(
        self,
        product_id: FromPath[str],
        principal: FromDishka[Principal],
        use_case: FromDishka[GetProduct],
        project_id: ProjectId = None,
    ) -> ProductOut:
        return ProductOut.of(await use_case.execute(principal, product_id, project_id))

    @get("/brands", summary="Brands with products in the project's region")
    async def list_brands(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListBrands],
        project_id: ProjectId = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> BrandPage:
        page = await use_case.execute(principal, project_id, limit, cursor)
        return BrandPage(items=[BrandOut.of(b) for b in page.items], next_cursor=page.next_cursor)

    @get("/categories", summary="Active categories")
    async def list_categories(
        self, principal: FromDishka[Principal], use_case: FromDishka[ListCategories]
    ) -> list[CategoryOut]:
        return [CategoryOut.of(c) for c in await use_case.execute(principal)]

    @post("/sync", summary="Sync the catalog from Giftery now (platform administrators)", status_code=200)
    async def sync(self, principal: FromDishka[Principal], use_case: FromDishka[SyncCatalog]) -> SyncReportOut:
        return SyncReportOut.of(await use_case.execute(principal))


class CommissionController(Controller):
    path = "/commissions"
    tags = ["catalog"]

    @get("/", summary="Commission rules of a cabinet, most specific first")
    async def list_commissions(
        self,
        cabinet_id: Annotated[UUID, QueryParameter(description="the cabinet")],
        principal: FromDishka[Principal],
        use_case: FromDishka[ListCommissions],
    ) -> list[CommissionOut]:
        return [CommissionOut.of(rule) for rule in await use_case.execute(principal, cabinet_id)]

    @put("/", summary="Set the commission of a cabinet / project, optionally per brand or product (platform admins)")
    async def set_commission(
        self, data: JSONBody[CommissionIn], principal: FromDishka[Principal], use_case: FromDishka[SetCommission]
    ) -> CommissionOut:
        scope = CommissionScope(data.cabinet_id, data.project_id, data.brand_id or None, data.product_id or None)
        rule = await use_case.execute(principal, SetCommissionCommand(scope, data.commission()))
        return CommissionOut.of(rule)

    @delete("/", summary="Remove a commission rule (platform admins)")
    async def remove_commission(
        self,
        cabinet_id: Annotated[UUID, QueryParameter()],
        principal: FromDishka[Principal],
        use_case: FromDishka[RemoveCommission],
        project_id: ProjectId = None,
        brand_id: Text = None,
        product_id: Text = None,
    ) -> None:
        await use_case.execute(principal, CommissionScope(cabinet_id, project_id, brand_id, product_id))
