from __future__ import annotations

import json
from dataclasses import dataclass
from uuid import UUID

from gifthub.application.errors import NotFound
from gifthub.application.ordering.access import order_for
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.audit import AuditRecord
from gifthub.domain.certificate import Certificate, CertificateState
from gifthub.domain.contact import clean_email
from gifthub.domain.delivery import resend_key
from gifthub.domain.email_messages import CertificateDeliveryEmail
from gifthub.domain.events import EmailRequested
from gifthub.domain.identity import Principal
from gifthub.domain.order_errors import IllegalCertificateTransition
from gifthub.domain.order_events import CertificateResent


@dataclass(frozen=True)
class ResendCertificateCommand:
    project_id: UUID
    order_id: UUID
    certificate_id: UUID
    email: str = ""  # empty: where it went last; else a corrected one (kept beside the recipient's own)


def certificate_email(certificate: Certificate) -> CertificateDeliveryEmail:
    return CertificateDeliveryEmail(
        certificate_id=str(certificate.id),
        product_name=certificate.product_name,
        nominal=certificate.nominal.to_string(),
        currency=certificate.nominal.currency.value,
        recipient_name=certificate.recipient_name,
        sender_name=certificate.sender_name,
        message=certificate.message,
        code=certificate.code,
        pin=certificate.pin,
        link=certificate.link,
    )


class ResendCertificate:
    """Send an issued certificate again, to the same or a corrected address. Before its moment it is not
    sent early (GiftHub's own delivery keeps the moment and takes the new address; Giftery's is refused
    with the moment). A new address is kept beside the recipient's own and written to the audit trail."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: ResendCertificateCommand) -> Certificate:
        async with self._uow as uow:
            _, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            certificate = await uow.certificates.get(command.certificate_id, for_update=True)
            if certificate is None or certificate.order_id != order.id:
                raise NotFound("certificate not found")
            if certificate.state is not CertificateState.ISSUED:
                raise IllegalCertificateTransition(f"certificate is {certificate.state}: only an issued one is resent")
            address = (
                clean_email(command.email, field="email") if command.email.strip() else certificate.delivery_address
            )
            if not address:
                raise IllegalCertificateTransition(
                    "the certificate has no email: give one to send it to", field="email"
                )
            now = self._clock.now()
            previous, send_now = certificate.resent(address, now, zone=order.timezone)
            uow.record(
                CertificateResent(
                    occurred_at=now,
                    order_id=order.id,
                    certificate_id=certificate.id,
                    requested_by=str(principal),
                    previous_address=previous,
                    address=address,
                )
            )
            if address != previous:
                self._audit(uow, principal, order.cabinet_id, certificate, previous, send_now, now)
            if send_now:
                uow.record(
                    EmailRequested.of(
                        certificate_email(certificate),
                        to=address,
                        occurred_at=now,
                        dedup_key=resend_key(certificate.id, self._ids.new_id()),
                    )
                )
            await uow.commit()
            return certificate

    def _audit(self, uow, principal, cabinet_id, certificate: Certificate, previous: str, send_now: bool, now) -> None:
        uow.audit.add(
            AuditRecord(
                id=self._ids.new_id(),
                created_at=now,
                actor=str(principal),
                on_behalf_of=principal.on_behalf_of,
                action="certificate.resent_to_new_address",
                cabinet_id=cabinet_id,
                target=f"certificate:{certificate.id}",
                ip=principal.ip[:64],
                before_state=json.dumps({"recipient": certificate.email, "sent_to": previous}, ensure_ascii=False),
                after_state=json.dumps(
                    {
                        "recipient": certificate.email,
                        "sent_to": certificate.delivery_address,
                        "order_id": str(certificate.order_id),
                        "sent": "now" if send_now else "at its scheduled moment",
                    },
                    ensure_ascii=False,
                ),
            )
        )
