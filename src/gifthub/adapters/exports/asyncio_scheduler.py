"""Catalog exports generated in-process as asyncio tasks, each in its own DI scope."""

from __future__ import annotations

import asyncio
import logging
from uuid import UUID

from dishka import AsyncContainer

from gifthub.application.catalog_exports.generate_export import GenerateCatalogExport

log = logging.getLogger("gifthub.jobs.catalog_exports")


class AsyncioExportScheduler:
    """Good for one process. An export whose process stopped mid-way stays "pending"/"running" in its row;
    recovering those on start is not built yet (the user asks again)."""

    def __init__(self, container: AsyncContainer) -> None:
        self._container = container
        self._tasks: set[asyncio.Task] = set()

    def schedule(self, export_id: UUID) -> None:
        task = asyncio.get_running_loop().create_task(self._run(export_id), name=f"catalog-export-{export_id}")
        self._tasks.add(task)  # a task nobody references may be garbage-collected mid-run
        task.add_done_callback(self._tasks.discard)

    async def _run(self, export_id: UUID) -> None:
        try:
            async with self._container() as scope:
                job = await scope.get(GenerateCatalogExport)
                await job.execute(export_id)
        except Exception:  # noqa: BLE001 - the export row already says "failed"; the log has the cause
            log.exception("catalog export %s failed", export_id)

    async def drain(self) -> None:
        """Wait for the exports under way (tests, and a graceful shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        """On shutdown: stop the exports under way (their rows stay open) before the container closes."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
