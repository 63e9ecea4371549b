"""Mounts the Kontur.Focus and Bitrix24 emulators under ``/emulators/`` and keeps the BIC directory fresh.

The emulators live in the same server so ``make run`` works from a fresh clone with no other process:
the adapters reach them over real HTTP at ``http://<host>:<port>/emulators/...`` unless KONTUR_FOCUS_KEY /
BITRIX24_WEBHOOK_URL point at the real services. The directory: with GIFTHUB_BIC_SOURCE set, it is
refreshed at start and every GIFTHUB_BIC_REFRESH_HOURS; otherwise an empty directory gets the bundled sample.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Mapping

from litestar import Litestar
from litestar.config.app import AppConfig
from litestar.handlers import asgi
from litestar.plugins import InitPluginProtocol
from litestar.types import ASGIApp, Receive, Scope, Send

from gifthub.adapters.bic import SAMPLE_PATH
from gifthub.adapters.bitrix24.emulator import create_bitrix24_emulator
from gifthub.adapters.kontur.emulator import create_kontur_emulator
from gifthub.application.counterparties.refresh_bank_directory import RefreshBankDirectory
from gifthub.application.ports.bank_directory import BankDirectory, DirectoryFileError
from gifthub.application.ports.company_registry import ExternalServiceError
from gifthub.counterparties_settings import EMULATOR_KONTUR_KEY, CounterpartiesSettings
from gifthub.domain.identity import Principal

log = logging.getLogger("gifthub.counterparties")


def _mount(path: str, app: ASGIApp):
    @asgi(path, is_mount=True, copy_scope=True, include_in_schema=False)
    async def mounted(scope: Scope, receive: Receive, send: Send) -> None:
        await app(scope, receive, send)

    return mounted


def emulator_mounts(env: Mapping[str, str] | None = None) -> list:
    """Only the emulators of services not configured for real: production exposes none of them."""
    env = os.environ if env is None else env
    mounts = []
    if not env.get("KONTUR_FOCUS_KEY"):
        mounts.append(_mount("/emulators/kontur", create_kontur_emulator({EMULATOR_KONTUR_KEY})))
    if not env.get("BITRIX24_WEBHOOK_URL"):
        mounts.append(_mount("/emulators/bitrix24", create_bitrix24_emulator({1: "emulatorwebhook"})))
    return mounts


async def refresh_directory(app: Litestar, location: str) -> None:
    async with app.state.dishka_container() as scope:
        use_case = await scope.get(RefreshBankDirectory)
        snapshot = await use_case.execute(Principal.system("bic-refresh"), location)
    log.info("BIC directory of %s loaded from %s: %d banks", snapshot.business_day, location, len(snapshot.banks))


async def _refresh_forever(app: Litestar, location: str, hours: float) -> None:
    while True:
        try:
            await refresh_directory(app, location)
        except (DirectoryFileError, ExternalServiceError) as error:
            # The stored directory stays as it was; the next round tries again.
            log.error("BIC directory refresh from %s failed: %s", location, error)
        except Exception:  # noqa: BLE001 - a refresh must never kill the loop (or the app)
            log.exception("BIC directory refresh from %s failed", location)
        await asyncio.sleep(hours * 3600)


async def _load_sample_if_empty(app: Litestar) -> None:
    # In the background and forgiving: an unmigrated database must not stop the server from starting
    # (it reports itself not ready on /readyz instead).
    try:
        directory = await app.state.dishka_container.get(BankDirectory)
        if await directory.count() == 0:
            await refresh_directory(app, str(SAMPLE_PATH))
    except Exception as error:  # noqa: BLE001
        log.warning("the bundled BIC sample was not loaded: %s", type(error).__name__)


class CounterpartiesPlugin(InitPluginProtocol):
    def __init__(self) -> None:
        self._task: asyncio.Task | None = None

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.extend(emulator_mounts())
        app_config.on_startup.append(self._start)
        app_config.on_shutdown.append(self._stop)
        return app_config

    async def _start(self, app: Litestar) -> None:
        settings = await app.state.dishka_container.get(CounterpartiesSettings)
        if settings.bic_source:
            self._task = asyncio.create_task(_refresh_forever(app, settings.bic_source, settings.bic_refresh_hours))
            return
        await _load_sample_if_empty(app)

    async def _stop(self, app: Litestar) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
