"""A certificate email was refused for good: the certificate's delivery failed, with the server's reason."""

from __future__ import annotations

from dataclasses import dataclass

from gifthub.application.ports.clock import Clock
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.delivery import certificate_of


@dataclass(frozen=True)
class DeliveryRefusal:
    dedup_key: str  # the key the email was requested with
    recipient: str
    reason: str


class RecordDeliveryRefusal:
    """Reacts to the email capability's refusals; emails that are not certificates' are ignored."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def execute(self, refusal: DeliveryRefusal) -> bool:
        """Returns whether a certificate's delivery status changed."""
        certificate_id = certificate_of(refusal.dedup_key)
        if certificate_id is None:
            return False
        async with self._uow as uow:
            certificate = await uow.certificates.get(certificate_id, for_update=True)
            if certificate is None or not certificate.delivery_refused(
                refusal.recipient, refusal.reason, self._clock.now()
            ):
                return False
            await uow.commit()
        return True
