"""The sync's write side: one transaction upserts everything and deactivates what disappeared."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.repositories.catalog_rows import product_row
from gifthub.adapters.persistence.tables_catalog import brands, categories, product_categories, products
from gifthub.application.ports.catalog_store import SyncReport
from gifthub.application.ports.giftery_gateway import CatalogSnapshot

CATALOG_SYNC_LOCK = 0x6B7C_0001  # an arbitrary advisory-lock key owned by the catalog sync


class SqlCatalogStore:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def apply(self, snapshot: CatalogSnapshot, at: datetime) -> SyncReport:
        unique = {product.id: product for product in snapshot.products}  # a repeated id: the last one wins
        rows = [product_row(product, at) for product in unique.values()]
        async with self._sessions() as session, session.begin():
            connection = await session.connection()
            if connection.dialect.name == "postgresql":
                # Two syncs at once (the schedule and a manual one) would race on the same new rows;
                # SQLite already serializes writers from BEGIN IMMEDIATE.
                await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CATALOG_SYNC_LOCK})
            await _upsert(connection, categories, _category_rows(snapshot, at))
            await connection.execute(update(categories).where(categories.c.updated_at != at).values(active=False))
            await _upsert(connection, brands, _brand_rows(unique.values(), at))
            # A row deactivated by an earlier sync keeps its fingerprint: "active" is part of what changed.
            seen = await connection.execute(select(products.c.id, products.c.fingerprint, products.c.active))
            known = {r.id: (r.fingerprint, bool(r.active)) for r in seen}
            added = [row for row in rows if row["id"] not in known]
            changed = [
                row for row in rows if row["id"] in known and known[row["id"]] != (row["fingerprint"], row["active"])
            ]
            same = [
                row["id"]
                for row in rows
                if row["id"] in known and known[row["id"]] == (row["fingerprint"], row["active"])
            ]
            if added:
                await connection.execute(insert(products), added)
            if changed:
                await connection.execute(_update_by_id(products, rows[0].keys()), [_keyed(row) for row in changed])
            if same:
                await connection.execute(
                    update(products).where(products.c.id == bindparam("key")).values(synced_at=at),
                    [{"key": product_id} for product_id in same],
                )
            gone = await connection.execute(
                update(products)
                .where(products.c.synced_at != at, products.c.active.is_(True))
                .values(active=False, updated_at=at)
            )
            touched = [row["id"] for row in added + changed]
            if touched:
                await connection.execute(
                    delete(product_categories).where(
                        product_categories.c.product_id.in_(bindparam("ids", expanding=True))
                    ),
                    {"ids": touched},
                )
                links = [
                    {"product_id": p.id, "category_id": c}
                    for p in unique.values()
                    if p.id in set(touched)
                    for c in dict.fromkeys(p.category_ids)
                ]
                if links:
                    await connection.execute(insert(product_categories), links)
            await connection.execute(
                update(brands)
                .where(~brands.c.id.in_(select(products.c.brand_id).where(products.c.active.is_(True))))
                .values(active=False)
            )
        return SyncReport(
            products_total=len(rows),
            products_added=len(added),
            products_updated=len(changed),
            products_deactivated=gone.rowcount or 0,
            brands=len({row["brand_id"] for row in rows}),
            categories=len(snapshot.categories),
            synced_at=at,
        )


def _category_rows(snapshot: CatalogSnapshot, at: datetime) -> list[dict]:
    unique = {c.id: c for c in snapshot.categories}
    return [
        {"id": c.id, "code": c.code, "title": c.title, "title_en": c.title_en, "active": True, "updated_at": at}
        for c in unique.values()
    ]


def _brand_rows(items, at: datetime) -> list[dict]:
    rows: dict[str, dict] = {}
    for product in items:
        rows.setdefault(
            product.brand_id,
            {
                "id": product.brand_id,
                "name": product.brand_name or product.title,
                "logo_url": product.image_url,
                "active": True,
                "updated_at": at,
            },
        )
    return list(rows.values())


async def _upsert(connection, table, rows: list[dict]) -> None:
    """Portable upsert: the sync is the only writer of these tables and runs in one transaction."""
    if not rows:
        return
    existing = set((await connection.execute(select(table.c.id))).scalars())
    new = [row for row in rows if row["id"] not in existing]
    old = [_keyed(row) for row in rows if row["id"] in existing]
    if new:
        await connection.execute(insert(table), new)
    if old:
        await connection.execute(_update_by_id(table, rows[0].keys()), old)


def _update_by_id(table, columns):
    values = {name: bindparam(f"v_{name}") for name in columns if name != "id"}
    return update(table).where(table.c.id == bindparam("key")).values(**values)


def _keyed(row: dict) -> dict:
    keyed = {f"v_{name}": value for name, value in row.items() if name != "id"}
    keyed["key"] = row["id"]
    return keyed
