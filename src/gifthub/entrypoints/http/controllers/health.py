from __future__ import annotations

from dishka.integrations.litestar import FromDishka
from litestar import Response, get
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from gifthub.adapters.persistence.migrator import is_current


@get("/healthz", tags=["health"], summary="The process is alive")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@get("/readyz", tags=["health"], summary="The database answers and its migrations are current")
async def readyz(engine: FromDishka[AsyncEngine]) -> Response[dict[str, str]]:
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any failure means not ready
        return Response({"status": "unavailable", "database": type(error).__name__}, status_code=503)
    if not await is_current(engine):
        return Response({"status": "unavailable", "database": "migrations pending"}, status_code=503)
    return Response({"status": "ok", "database": "ok"}, status_code=200)
