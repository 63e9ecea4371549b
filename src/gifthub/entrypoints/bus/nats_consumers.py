"""The FastStream NATS broker of ``gifthub worker``: one durable pull consumer per registered handler.

dishka-faststream opens a request scope per message; the dispatcher runs the handler in it. Acks are
manual: done, duplicate and dead-lettered messages are acked; a failure is nacked with a growing
delay, and JetStream redelivers it (also after ``ack_wait`` if the worker died holding it).
"""

from __future__ import annotations

import logging

from dishka import AsyncContainer
from dishka_faststream import FromDishka, inject, setup_dishka
from faststream import AckPolicy
from faststream.nats import ConsumerConfig, JStream, NatsBroker, NatsMessage, PullSub

from gifthub.adapters.bus.nats_dead_letters import NatsDeadLetters
from gifthub.adapters.bus.nats_transport import make_broker
from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.application.bus.handlers import HandlerRegistry, Registration
from gifthub.application.bus.message import subject_for
from gifthub.entrypoints.bus.dispatcher import Dispatcher, Outcome
from gifthub.entrypoints.bus.schemas import document_events

log = logging.getLogger(__name__)


def retry_delay(attempt: int) -> float:
    return min(60.0, 0.5 * 2 ** (attempt - 1))


async def _raw(message) -> bytes:
    # Hand the handler the bytes as they came: a malformed payload is dead-lettered by us, verbatim.
    return message.body


def build_broker(
    container: AsyncContainer,
    settings: MessagingSettings,
    registry: HandlerRegistry,
    dispatcher_factory,
    *,
    consumers: bool = True,
) -> NatsBroker:
    broker = make_broker(settings)
    stream = JStream(settings.stream, declare=False)
    document_events(broker, stream)
    if consumers:
        dispatcher: Dispatcher = dispatcher_factory(NatsDeadLetters(broker, settings))
        for registration in registry:
            _subscribe(broker, stream, settings, registration, dispatcher)
        setup_dishka(container, broker=broker)
    return broker


def _subscribe(
    broker: NatsBroker, stream: JStream, settings: MessagingSettings, registration: Registration, dispatcher: Dispatcher
) -> None:
    subject = subject_for(registration.event_name)

    @inject
    async def consume(body: bytes, message: NatsMessage, request: FromDishka[AsyncContainer]) -> None:
        raw = message.raw_message
        attempt = raw.metadata.num_delivered if raw.metadata else 1
        message_id = (raw.headers or {}).get("Nats-Msg-Id")
        try:
            outcome = await dispatcher.dispatch(request, registration, raw.subject, message_id, body, attempt)
        except Exception as error:  # noqa: BLE001 - e.g. the database or NATS briefly gone
            log.warning("%s: %s not processed (delivery %d): %r", registration.consumer, subject, attempt, error)
            outcome = Outcome.RETRY
        if outcome is Outcome.RETRY:
            await message.nack(delay=retry_delay(attempt))
        else:
            await message.ack()

    consume.__name__ = f"consume_{registration.consumer}"
    broker.subscriber(
        subject,
        stream=stream,
        durable=f"{settings.consumer_prefix}-{registration.consumer}",
        pull_sub=PullSub(batch_size=64, timeout=1.0),
        config=ConsumerConfig(ack_wait=settings.ack_wait, max_deliver=settings.max_deliver + 2),
        ack_policy=AckPolicy.MANUAL,
        decoder=_raw,
        title=f"{registration.consumer}:{subject}",
        description=registration.description,
    )(consume)
