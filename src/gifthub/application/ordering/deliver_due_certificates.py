"""GiftHub's own delivery: email each issued certificate of a ``gifthub``-delivered order at its moment."""

from __future__ import annotations

from gifthub.application.ordering.resend_certificate import certificate_email
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.delivery import delivery_key
from gifthub.domain.events import EmailRequested


class DeliverDueCertificates:
    """A worker job. The claim, the status change and the email request commit together, and the email
    carries one dedup key per certificate: however many workers run, each certificate is emailed once."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def run_once(self, limit: int = 100) -> int:
        """Email one batch of due certificates; returns how many (0: nothing due)."""
        now = self._clock.now()
        async with self._uow as uow:
            due = [c for c in await uow.certificates.claim_deliveries(now, limit) if c.delivery_due(now)]
            for certificate in due:
                certificate.emailed(now)
                uow.record(
                    EmailRequested.of(
                        certificate_email(certificate),
                        to=certificate.delivery_address,
                        occurred_at=now,
                        dedup_key=delivery_key(certificate.id),
                    )
                )
            await uow.commit()
        return len(due)
