"""What the Giftery capability adds to the HTTP app, in one plugin so app.py changes by one line:

- with no GIFTERY_URL, the Giftery SANDBOX mounted at /sandbox/giftery (so `make run` needs no second
  process; the default GIFTERY endpoint is this mount, reached over loopback HTTP like the real API);
- with GIFTHUB_CATALOG_SYNC_MINUTES > 0, the scheduled catalog sync running beside the server.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from dishka import AsyncContainer
from litestar import Litestar, asgi
from litestar.config.app import AppConfig
from litestar.plugins import InitPluginProtocol
from litestar.types import Receive, Scope, Send

from gifthub.adapters.giftery.sandbox.app import GifterySandbox
from gifthub.adapters.giftery.sandbox.faults import Faults
from gifthub.adapters.giftery.sandbox.state import SandboxState
from gifthub.config import Settings
from gifthub.config_giftery import SANDBOX_MOUNT
from gifthub.entrypoints.jobs.catalog_sync import catalog_sync_loop


class GifteryPlugin(InitPluginProtocol):
    def __init__(self, settings: Settings, container: AsyncContainer) -> None:
        self._settings = settings
        self._container = container

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        giftery = self._settings.giftery
        if giftery.uses_sandbox:
            # Orders stay "queued" a moment, as real ones do, so polling is exercised in `make run` too.
            state = SandboxState(faults=Faults(processing_seconds=2.0))
            sandbox = GifterySandbox(giftery.client_id, giftery.secret, state, prefix=SANDBOX_MOUNT)

            async def giftery_sandbox(scope: Scope, receive: Receive, send: Send) -> None:
                await sandbox(scope, receive, send)

            app_config.route_handlers.append(
                asgi(SANDBOX_MOUNT, is_mount=True, copy_scope=True, include_in_schema=False)(giftery_sandbox)
            )
        if giftery.catalog_sync_minutes > 0:
            app_config.lifespan.append(self._catalog_sync)
        return app_config

    @contextlib.asynccontextmanager
    async def _catalog_sync(self, _app: Litestar) -> AsyncIterator[None]:
        task = asyncio.create_task(catalog_sync_loop(self._container, self._settings.giftery.catalog_sync_minutes))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
