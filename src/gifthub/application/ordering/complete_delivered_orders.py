"""A scheduled order is completed once its last waiting certificate is with its recipient."""

from __future__ import annotations

from gifthub.application.ports.clock import Clock
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.certificate import CertificateState
from gifthub.domain.order import OrderStatus


class CompleteDeliveredOrders:
    """A worker job after each delivery pass. Its own transaction locks only orders, so it never waits
    in a cycle with the deliveries (certificate, then order) or the purchases (project, order, certificate);
    an order a crash left behind is found again by the next pass."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def run_once(self, limit: int = 100) -> int:
        now = self._clock.now()
        completed = 0
        async with self._uow as uow:
            for order_id in await uow.orders.scheduled_and_delivered(limit):
                order = await uow.orders.get(order_id, for_update=True)
                if order is None or order.status is not OrderStatus.SCHEDULED:
                    continue
                if await uow.certificates.count_awaiting_delivery(order.id):
                    continue  # one went back to waiting meanwhile (a resend to a new address)
                counts = await uow.certificates.count_by_state(order.id)
                order.finish(counts.get(CertificateState.ISSUED, 0), counts.get(CertificateState.FAILED, 0), now)
                uow.orders.add(order)
                completed += 1
            await uow.commit()
        return completed
