from __future__ import annotations

import json
from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ordering.access import order_for
from gifthub.application.ordering.resend_certificate import certificate_email
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.certificate import CertificateState
from gifthub.domain.contact import clean_email
from gifthub.domain.email_messages import CertificatesArchiveEmail
from gifthub.domain.events import EmailRequested
from gifthub.domain.identity import Principal
from gifthub.domain.order_errors import InvalidOrder


@dataclass(frozen=True)
class ResendOrderArchiveCommand:
    project_id: UUID
    order_id: UUID
    email: str


class ResendOrderArchive:
    """All issued certificates of an order, zipped, to one address: the email consumer builds the
    archive (one PDF/text per certificate) from the listed certificates."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: ResendOrderArchiveCommand) -> int:
        address = clean_email(command.email, field="email")
        if not address:
            raise InvalidOrder("give the address to send the archive to", field="email")
        async with self._uow as uow:
            _, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            issued = [c for c in await uow.certificates.all_for_order(order.id) if c.state is CertificateState.ISSUED]
            if not issued:
                raise InvalidOrder("the order has no issued certificates yet", field="order_id")
            now = self._clock.now()
            uow.record(
                EmailRequested.of(
                    CertificatesArchiveEmail(
                        order_id=str(order.id),
                        count=str(len(issued)),
                        certificates=json.dumps([certificate_email(c).context() for c in issued], ensure_ascii=False),
                    ),
                    to=address,
                    occurred_at=now,
                    dedup_key=f"archive:{order.id}:{self._ids.new_id()}",
                )
            )
            await uow.commit()
            return len(issued)
