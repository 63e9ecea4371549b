"""Bodies of the catalog API. Faces and prices are decimal strings in the product's currency."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated
from uuid import UUID

import msgspec

from gifthub.application.catalog.priced_product import PricedProduct
from gifthub.application.ports.catalog_store import SyncReport
from gifthub.domain.catalog import Brand, Category
from gifthub.domain.commission_rules import CommissionRule
from gifthub.domain.money import Money
from gifthub.domain.pricing import Commission, InvalidCommission
from gifthub.entrypoints.http.schemas.accounts import Body


class FaceOut(msgspec.Struct, frozen=True):
    face: str
    price: str  # what the project pays for it, commission included


class FreeRangeOut(msgspec.Struct, frozen=True):
    min: str
    max: str
    step: str
    min_price: str
    max_price: str


class NominalsOut(msgspec.Struct, frozen=True):
    fixed: list[FaceOut]
    free: FreeRangeOut | None


class ProductOut(msgspec.Struct, frozen=True):
    id: str
    title: str
    title_en: str
    brand_id: str
    brand_name: str
    region: str
    currency: str
    acceptance: str
    image_url: str
    disclaimer: str
    terms: str
    category_ids: list[str]
    active: bool
    commission_percent: str
    nominals: NominalsOut

    @classmethod
    def of(cls, priced: PricedProduct) -> ProductOut:
        product, rule = priced.product, priced.product.nominals

        def text(minor: int) -> str:
            return Money(minor, product.currency).to_string()

        free = None
        if rule.is_free:
            assert rule.minimum is not None and rule.maximum is not None
            free = FreeRangeOut(
                min=text(rule.minimum),
                max=text(rule.maximum),
                step=text(rule.step or 1),
                min_price=priced.price(rule.minimum).to_string(),
                max_price=priced.price(rule.maximum).to_string(),
            )
        return cls(
            id=product.id,
            title=product.title,
            title_en=product.title_en,
            brand_id=product.brand_id,
            brand_name=product.brand_name,
            region=product.region.value,
            currency=product.currency.value,
            acceptance=product.acceptance.value,
            image_url=product.image_url,
            disclaimer=product.disclaimer,
            terms=product.terms,
            category_ids=list(product.category_ids),
            active=product.active,
            commission_percent=f"{priced.commission.percent:.2f}",
            nominals=NominalsOut(
                fixed=[FaceOut(text(face), priced.price(face).to_string()) for face in rule.fixed], free=free
            ),
        )


class ProductPage(msgspec.Struct, frozen=True):
    items: list[ProductOut]
    next_cursor: str | None


class BrandOut(msgspec.Struct, frozen=True):
    id: str
    name: str
    logo_url: str

    @classmethod
    def of(cls, brand: Brand) -> BrandOut:
        return cls(id=brand.id, name=brand.name, logo_url=brand.logo_url)


class BrandPage(msgspec.Struct, frozen=True):
    items: list[BrandOut]
    next_cursor: str | None


class CategoryOut(msgspec.Struct, frozen=True):
    id: str
    code: str
    title: str
    title_en: str

    @classmethod
    def of(cls, category: Category) -> CategoryOut:
        return cls(id=category.id, code=category.code, title=category.title, title_en=category.title_en)


class SyncReportOut(msgspec.Struct, frozen=True):
    products_total: int
    products_added: int
    products_updated: int
    products_deactivated: int
    brands: int
    categories: int
    synced_at: datetime

    @classmethod
    def of(cls, report: SyncReport) -> SyncReportOut:
        return cls(**{f: getattr(report, f) for f in cls.__struct_fields__})


PercentText = Annotated[
    str, msgspec.Meta(max_length=12, description='Percent of the face value; negative is a discount, e.g. "-3.5"')
]


class CommissionIn(Body):
    cabinet_id: UUID
    percent: PercentText
    project_id: UUID | None = None
    brand_id: str | None = None
    product_id: str | None = None

    def commission(self) -> Commission:
        try:
            return Commission(Decimal(self.percent.strip()))
        except InvalidOperation:
            raise InvalidCommission(f"{self.percent!r} is not a decimal percentage", field="percent") from None


class CommissionOut(msgspec.Struct, frozen=True):
    id: UUID
    cabinet_id: UUID
    project_id: UUID | None
    brand_id: str | None
    product_id: str | None
    percent: str
    updated_at: datetime

    @classmethod
    def of(cls, rule: CommissionRule) -> CommissionOut:
        scope = rule.scope
        return cls(
            id=rule.id,
            cabinet_id=scope.cabinet_id,
            project_id=scope.project_id,
            brand_id=scope.brand_id,
            product_id=scope.product_id,
            percent=f"{rule.commission.percent:.2f}",
            updated_at=rule.updated_at,
        )
