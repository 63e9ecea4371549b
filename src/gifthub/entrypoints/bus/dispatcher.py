"""Run one message through its handler: decode, skip if already processed, dead-letter if malformed.

Never raises for a bad message (it goes to the dead-letter subject with the reason); returns RETRY for a
failure worth another delivery, so the transport can redeliver it with backoff.
"""

from __future__ import annotations

import json
import logging
from enum import StrEnum

from dishka import AsyncContainer

from gifthub.adapters.bus.inbox import Inbox
from gifthub.adapters.bus.unit_of_work import InboxClaim
from gifthub.application.bus.errors import MalformedMessage
from gifthub.application.bus.handlers import Registration
from gifthub.application.bus.message import InboundMessage
from gifthub.application.errors import ApplicationError, ConcurrencyConflict
from gifthub.application.ports.dead_letters import DeadLetters
from gifthub.domain.errors import DomainError

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    DONE = "done"
    DUPLICATE = "duplicate"  # processed before (inbox): acknowledged, nothing done
    DEAD = "dead"  # published to gifthub.dead.<subject> with the reason
    RETRY = "retry"  # a transient failure: deliver again later


class Dispatcher:
    def __init__(self, inbox: Inbox, dead_letters: DeadLetters, max_deliver: int) -> None:
        self._inbox = inbox
        self._dead = dead_letters
        self._max_deliver = max_deliver

    async def dispatch(
        self,
        request: AsyncContainer,
        registration: Registration,
        subject: str,
        message_id: str | None,
        raw: bytes,
        attempt: int,
    ) -> Outcome:
        """``request`` is this message's own request-scope container (dishka-faststream opens it on NATS)."""
        try:
            message = _decode(subject, message_id, raw, attempt)
        except MalformedMessage as error:
            return await self._bury(subject, message_id or "", raw, error.reason)
        consumer = registration.consumer
        if await self._inbox.seen(consumer, message.message_id):
            return Outcome.DUPLICATE
        try:
            claim = await request.get(InboxClaim)
            claim.claim(consumer, message.message_id)
            await registration.handler(message, request)
            if not claim.recorded:
                await self._inbox.record(consumer, message.message_id)
        except MalformedMessage as error:
            return await self._bury(subject, message.message_id, raw, error.reason)
        except ConcurrencyConflict:
            if await self._inbox.seen(consumer, message.message_id):
                return Outcome.DUPLICATE  # another delivery of the same message won the race
            return Outcome.RETRY
        except (DomainError, ApplicationError) as error:
            # Refused by the rules for this input: another delivery would be refused the same way.
            return await self._bury(subject, message.message_id, raw, f"{error.code}: {error}")
        except Exception as error:  # noqa: BLE001 - a consumer never dies of one message
            if attempt >= self._max_deliver:
                return await self._bury(
                    subject,
                    message.message_id,
                    raw,
                    f"gave up after {attempt} deliveries: {type(error).__name__}: {error}",
                )
            log.warning("%s: %s failed (delivery %d), will retry: %r", consumer, subject, attempt, error)
            return Outcome.RETRY
        return Outcome.DONE

    async def _bury(self, subject: str, message_id: str, raw: bytes, reason: str) -> Outcome:
        log.error("dead letter %s %s: %s", subject, message_id, reason)
        await self._dead.publish(subject, message_id, raw, reason)
        return Outcome.DEAD


def _decode(subject: str, message_id: str | None, raw: bytes, attempt: int) -> InboundMessage:
    if not message_id:
        raise MalformedMessage("no message id (Nats-Msg-Id header): cannot be de-duplicated")
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as error:
        raise MalformedMessage(f"payload is not JSON: {error}") from None
    if not isinstance(body, dict):
        raise MalformedMessage(f"payload must be a JSON object, got {type(body).__name__}")
    return InboundMessage(message_id=message_id, subject=subject, body=body, attempt=attempt)
