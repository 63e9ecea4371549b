"""Catalog sync on a schedule (every GIFTHUB_CATALOG_SYNC_MINUTES) and once from the CLI."""

from __future__ import annotations

import asyncio
import logging

from dishka import AsyncContainer

from gifthub.application.catalog.sync_catalog import SyncCatalog
from gifthub.application.catalog_exports.prepare_brand_logos import PrepareBrandLogos
from gifthub.application.errors import ApplicationError
from gifthub.application.ports.catalog_store import SyncReport
from gifthub.config import Settings
from gifthub.domain.identity import Principal
from gifthub.ioc import make_container
from gifthub.ioc.giftery import InProcessSandboxProvider

log = logging.getLogger("gifthub.jobs.catalog")

SYNC_PRINCIPAL = Principal.system("catalog-sync")


async def sync_with(container: AsyncContainer) -> SyncReport:
    async with container() as scope:
        use_case = await scope.get(SyncCatalog)
        return await use_case.execute(SYNC_PRINCIPAL)


async def prepare_logos_with(container: AsyncContainer) -> int:
    async with container() as scope:
        use_case = await scope.get(PrepareBrandLogos)
        return await use_case.execute(SYNC_PRINCIPAL)


async def catalog_sync_loop(
    container: AsyncContainer, minutes: float, first_delay: float = 2.0, prepare_logos: bool = True
) -> None:
    """Sync now (after ``first_delay``, so the server is listening) and every ``minutes``; never dies.
    After a sync the brands' new logos are fetched and converted, so brand-sheet exports only read them."""
    await asyncio.sleep(first_delay)
    while True:
        try:
            report = await sync_with(container)
            log.info("catalog sync: %s", report.summary())
            if prepare_logos:
                log.info("brand logos ready: %d", await prepare_logos_with(container))
        except ApplicationError as error:
            log.warning("catalog sync failed: %s", error.message)
        except Exception:  # noqa: BLE001 - a scheduled job logs and tries again next time
            log.exception("catalog sync failed")
        await asyncio.sleep(minutes * 60)


async def sync_once(settings: Settings) -> SyncReport:
    """For the CLI: with the default sandbox, talk to it in-process (no server needs to be up)."""
    extra = [InProcessSandboxProvider()] if settings.giftery.uses_sandbox else []
    container = make_container(settings, *extra)
    try:
        return await sync_with(container)
    finally:
        await container.close()
