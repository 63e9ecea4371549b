"""Dead letters on NATS: ``gifthub.dead.<subject>`` in the same stream, the reason in a header."""

from __future__ import annotations

from faststream.nats import NatsBroker

from gifthub.adapters.bus.settings import MessagingSettings
from gifthub.application.bus.message import dead_letter_subject

REASON_HEADER = "Gifthub-Dead-Reason"


class NatsDeadLetters:
    def __init__(self, broker: NatsBroker, settings: MessagingSettings) -> None:
        self._broker = broker
        self._stream = settings.stream

    async def publish(self, subject: str, message_id: str, raw: bytes, reason: str) -> None:
        headers = {
            REASON_HEADER: " ".join(reason.split())[:1000],  # header values are one line
            "Gifthub-Original-Subject": subject,
        }
        if message_id:
            headers["Nats-Msg-Id"] = f"dead:{message_id}"
            headers["Gifthub-Message-Id"] = message_id
        await self._broker.publish(raw, dead_letter_subject(subject), headers=headers, stream=self._stream)
