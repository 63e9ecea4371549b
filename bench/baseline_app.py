"""The baseline for the holds benchmark: a bare Litestar endpoint inserting one row with the same driver."""

from __future__ import annotations

import os
import uuid

from litestar import Litestar, get, post
from sqlalchemy import Column, MetaData, String, Table, Uuid, insert
from sqlalchemy.ext.asyncio import create_async_engine

metadata = MetaData()
rows = Table("bench_rows", metadata, Column("id", Uuid, primary_key=True), Column("payload", String(200)))


def create_app() -> Litestar:
    engine = create_async_engine(os.environ["BENCH_DATABASE_URL"], pool_size=20, max_overflow=20)

    @post("/rows")
    async def add_row(data: dict[str, str]) -> dict[str, str]:
        row_id = uuid.uuid4()
        async with engine.begin() as connection:
            await connection.execute(insert(rows).values(id=row_id, payload=data.get("payload", "")))
        return {"id": str(row_id)}

    @get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    async def create_table() -> None:
        async with engine.begin() as connection:
            await connection.run_sync(metadata.create_all)

    return Litestar([add_row, healthz], on_startup=[create_table], on_shutdown=[engine.dispose])
