"""The Giftery gateway: one client per process (its rate limit and concurrency bound are process-wide)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from dishka import Provider, Scope, provide

from gifthub.adapters.giftery.client import GifteryClient
from gifthub.adapters.giftery.config import GifteryConfig
from gifthub.adapters.giftery.sandbox.app import GifterySandbox
from gifthub.application.ports.giftery_gateway import GifteryGateway
from gifthub.config import Settings
from gifthub.config_giftery import SANDBOX_MOUNT


def giftery_config(settings: Settings) -> GifteryConfig:
    giftery = settings.giftery
    return GifteryConfig(
        url=giftery.endpoint(settings.host, settings.port),
        client_id=giftery.client_id,
        secret=giftery.secret,
        rate=giftery.rate,
        timeout=giftery.timeout,
    )


class GifteryProvider(Provider):
    scope = Scope.APP

    @provide
    async def gateway(self, settings: Settings) -> AsyncIterator[GifteryGateway]:
        client = GifteryClient(giftery_config(settings))
        yield client
        await client.aclose()


class InProcessSandboxProvider(Provider):
    """The sandbox served inside this process through httpx's ASGI transport: no port, no server.

    For one-shot commands (``gifthub catalog sync``). Orders must not use it: another process would not
    see this sandbox's orders; the app mounts a shared one at /sandbox/giftery for them.
    """

    scope = Scope.APP

    @provide
    async def gateway(self, settings: Settings) -> AsyncIterator[GifteryGateway]:
        giftery = settings.giftery
        sandbox = GifterySandbox(giftery.client_id, giftery.secret, prefix=SANDBOX_MOUNT)
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=sandbox), timeout=giftery.timeout)
        client = GifteryClient(giftery_config(settings), http=http)
        yield client
        await client.aclose()
