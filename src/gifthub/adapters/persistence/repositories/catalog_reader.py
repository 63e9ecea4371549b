"""Reading the local catalog: CatalogReader (for orders) and CatalogSearch (for browsing)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.repositories.catalog_rows import product_of
from gifthub.adapters.persistence.tables_catalog import brands, categories, product_categories, products
from gifthub.application.ports.catalog_search import ProductFilter
from gifthub.domain.catalog import Acceptance, Brand, Category, Product
from gifthub.domain.region import Region


class SqlCatalog:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    # CatalogReader ----------------------------------------------------------------------------
    async def get_product(self, product_id: str) -> Product | None:
        found = await self.get_products([product_id])
        return found.get(product_id)

    async def get_products(self, product_ids: Iterable[str]) -> dict[str, Product]:
        ids = sorted({str(i) for i in product_ids})
        if not ids:
            return {}
        async with self._sessions() as session:
            rows = (await session.execute(select(products).where(products.c.id.in_(ids)))).all()
            return {p.id: p for p in await _with_categories(session, rows)}

    async def get_brand(self, brand_id: str) -> Brand | None:
        async with self._sessions() as session:
            row = (await session.execute(select(brands).where(brands.c.id == brand_id))).first()
        return Brand(id=row.id, name=row.name, logo_url=row.logo_url) if row else None

    # CatalogSearch ----------------------------------------------------------------------------
    async def search(self, query: ProductFilter, after: tuple[str, str] | None, limit: int) -> list[Product]:
        c = products.c
        statement = select(products).where(c.active.is_(True)).order_by(c.title, c.id).limit(limit)
        if query.regions is not None:
            statement = statement.where(c.region.in_(sorted(query.regions)))
        for word in query.text.split():
            statement = statement.where(c.search_text.contains(word, autoescape=True))
        if query.category_id:
            linked = exists().where(
                product_categories.c.product_id == c.id, product_categories.c.category_id == query.category_id
            )
            statement = statement.where(linked)
        if query.brand_id:
            statement = statement.where(c.brand_id == query.brand_id)
        if query.acceptance in (Acceptance.ONLINE, Acceptance.OFFLINE):
            statement = statement.where(c.acceptance.in_([query.acceptance, Acceptance.BOTH]))
        elif query.acceptance is Acceptance.BOTH:
            statement = statement.where(c.acceptance == Acceptance.BOTH)
        if query.nominal_min is not None:
            statement = statement.where(c.nominal_high >= query.nominal_min)
        if query.nominal_max is not None:
            statement = statement.where(c.nominal_low <= query.nominal_max)
        if after is not None:
            title, product_id = str(after[0]), str(after[1])
            statement = statement.where(or_(c.title > title, and_(c.title == title, c.id > product_id)))
        async with self._sessions() as session:
            rows = (await session.execute(statement)).all()
            return await _with_categories(session, rows)

    async def list_brands(
        self, regions: frozenset[Region] | None, after: tuple[str, str] | None, limit: int
    ) -> list[Brand]:
        selling = select(products.c.brand_id).where(products.c.active.is_(True))
        if regions is not None:
            selling = selling.where(products.c.region.in_(sorted(regions)))
        statement = select(brands).where(brands.c.id.in_(selling)).order_by(brands.c.name, brands.c.id).limit(limit)
        if after is not None:
            name, brand_id = str(after[0]), str(after[1])
            statement = statement.where(or_(brands.c.name > name, and_(brands.c.name == name, brands.c.id > brand_id)))
        async with self._sessions() as session:
            rows = (await session.execute(statement)).all()
        return [Brand(id=r.id, name=r.name, logo_url=r.logo_url) for r in rows]

    async def list_categories(self) -> list[Category]:
        statement = select(categories).where(categories.c.active.is_(True)).order_by(categories.c.title)
        async with self._sessions() as session:
            rows = (await session.execute(statement)).all()
        return [Category(id=r.id, code=r.code, title=r.title, title_en=r.title_en) for r in rows]


async def _with_categories(session: AsyncSession, rows) -> list[Product]:
    if not rows:
        return []
    ids = [row.id for row in rows]
    links = await session.execute(
        select(product_categories.c.product_id, product_categories.c.category_id)
        .where(product_categories.c.product_id.in_(ids))
        .order_by(product_categories.c.category_id)
    )
    by_product: dict[str, list[str]] = defaultdict(list)
    for product_id, category_id in links:
        by_product[product_id].append(category_id)
    return [product_of(row, tuple(by_product[row.id])) for row in rows]
