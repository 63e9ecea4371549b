"""Ordering meets email on the bus: a refused certificate email marks that certificate's delivery failed."""

from __future__ import annotations

from gifthub.application.bus.errors import require_str
from gifthub.application.bus.handlers import Resolver
from gifthub.application.bus.message import InboundMessage
from gifthub.application.ordering.record_delivery_refusal import DeliveryRefusal, RecordDeliveryRefusal


async def record_certificate_email_refusal(message: InboundMessage, resolve: Resolver) -> None:
    """A certificate's email was refused for good: its delivery status becomes failed, with the reason."""
    body = message.body
    refusal = DeliveryRefusal(
        dedup_key=require_str(body, "dedup_key"),
        recipient=require_str(body, "recipient"),
        reason=str(body.get("reason") or ""),
    )
    use_case = await resolve.get(RecordDeliveryRefusal)
    await use_case.execute(refusal)
