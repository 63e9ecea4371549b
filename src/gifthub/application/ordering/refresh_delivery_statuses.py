from __future__ import annotations

from gifthub.application.ports.clock import Clock
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork


class RefreshDeliveryStatuses:
    """The periodic pass over scheduled deliveries: a certificate waiting for its moment is marked sent
    once the moment has come (the worker's status checks refresh the certificates still in flight)."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    async def run_once(self, limit: int = 500) -> int:
        now = self._clock.now()
        async with self._uow as uow:
            due = await uow.certificates.deliveries_due(now, limit)
            for certificate in due:
                certificate.delivery_moment_passed(now)
            await uow.commit()
        return len(due)
