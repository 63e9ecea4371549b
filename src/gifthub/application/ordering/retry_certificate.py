from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.errors import NotFound
from gifthub.application.ordering.access import order_for
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.certificate import Certificate
from gifthub.domain.identity import Principal
from gifthub.domain.order import SETTLED
from gifthub.domain.order_settlement import retry_reference


@dataclass(frozen=True)
class RetryCertificateCommand:
    project_id: UUID
    order_id: UUID
    certificate_id: UUID


class RetryCertificate:
    """A person asks to try a failed certificate again. If its order already finished (its hold was
    released; a scheduled one too), the retry holds the certificate's price anew, within the project's limit."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: RetryCertificateCommand) -> Certificate:
        async with self._uow as uow:
            project, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            certificate = await uow.certificates.get(command.certificate_id, for_update=True)
            if certificate is None or certificate.order_id != order.id:
                raise NotFound("certificate not found")
            now = self._clock.now()
            certificate.retry(self._ids.new_id(), now)
            if order.status in SETTLED:  # its hold is released: the retry holds its price anew
                hold, entry = project.place_hold(
                    self._ids.new_id(), self._ids.new_id(), certificate.price, retry_reference(certificate), now
                )
                uow.ledger.add_hold(hold)
                uow.ledger.add_entry(entry)
                certificate.hold_id = hold.id
                order.start_processing(now)
            uow.orders.add(order)
            await uow.commit()
            return certificate
