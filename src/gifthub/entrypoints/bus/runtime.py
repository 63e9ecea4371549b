"""Start and stop the bus: the outbox relay and the consumers, on NATS or in-process.

``gifthub worker`` runs it against NATS (GIFTHUB_BUS=nats); ``gifthub serve`` runs it from the app's
lifespan, in-process by default (GIFTHUB_BUS=memory), so ``make run`` needs no NATS.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

from dishka import AsyncContainer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.bus.inbox import Inbox
from gifthub.adapters.bus.memory import InMemoryBus, InMemoryDeadLetters
from gifthub.adapters.bus.nats_transport import NatsTransport, ensure_stream
from gifthub.adapters.bus.relay import OutboxRelay
from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.application.bus.handlers import HandlerRegistry, Registration
from gifthub.application.bus.message import subject_for
from gifthub.entrypoints.bus.dispatcher import Dispatcher, Outcome
from gifthub.entrypoints.bus.handlers import HANDLERS
from gifthub.entrypoints.bus.heap import freeze_startup_heap
from gifthub.entrypoints.bus.nats_consumers import build_broker

log = logging.getLogger(__name__)


class BusRuntime:
    def __init__(
        self,
        container: AsyncContainer,
        *,
        registry: HandlerRegistry = HANDLERS,
        relay: bool = True,
        consumers: bool = True,
        batch_size: int = 500,
    ) -> None:
        self._container = container
        self._registry = registry
        self._with_relay = relay
        self._with_consumers = consumers
        self._batch_size = batch_size
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None
        self.relay: OutboxRelay | None = None
        self.memory: InMemoryBus | None = None
        self.broker = None

    async def start(self) -> None:
        settings = await self._container.get(MessagingSettings)
        sessions = await self._container.get(async_sessionmaker[AsyncSession])
        inbox = await self._container.get(Inbox)

        def dispatcher(dead_letters) -> Dispatcher:
            return Dispatcher(inbox, dead_letters, settings.max_deliver)

        if settings.bus == "nats":
            self.broker = build_broker(
                self._container, settings, self._registry, dispatcher, consumers=self._with_consumers
            )
            await self.broker.connect()
            await ensure_stream(self.broker, settings)
            await self.broker.start()
            transport = NatsTransport(self.broker, settings)
        else:
            self.memory = transport = InMemoryBus()
            if self._with_consumers:
                in_process = dispatcher(InMemoryDeadLetters(self.memory))
                for registration in self._registry:
                    self.memory.subscribe(
                        subject_for(registration.event_name), self._memory_subscriber(in_process, registration)
                    )
        if self._with_relay:
            self.relay = OutboxRelay(sessions, transport, batch_size=self._batch_size)
            self._task = asyncio.create_task(self.relay.run(self._stop), name="outbox-relay")
        freeze_startup_heap()
        log.info("bus started (%s): relay=%s consumers=%s", settings.bus, self._with_relay, self._with_consumers)

    def _memory_subscriber(self, dispatcher: Dispatcher, registration: Registration):
        async def deliver(subject: str, message_id: str, raw: bytes, attempt: int) -> bool:
            async with self._container() as request:
                outcome = await dispatcher.dispatch(request, registration, subject, message_id, raw, attempt)
            return outcome is not Outcome.RETRY

        return deliver

    async def stop(self, grace_seconds: float = 2.0) -> None:
        self._stop.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout=grace_seconds)
            except TimeoutError:
                # A handler is still retrying a neighbour (e.g. Bitrix24 down): stop it. Its transaction
                # rolls back and the outbox row stays unpublished, so it is delivered after the restart.
                self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.broker is not None:
            with contextlib.suppress(Exception):
                await self.broker.stop()

    async def wait(self) -> None:
        await self._stop.wait()


def bus_lifespan(container: AsyncContainer) -> Callable[[object], AbstractAsyncContextManager]:
    """For the Litestar app: the bus runs as long as the app does."""

    @contextlib.asynccontextmanager
    async def lifespan(_app) -> AsyncIterator[None]:
        runtime = BusRuntime(container)
        await runtime.start()
        try:
            yield
        finally:
            await runtime.stop()

    return lifespan
