from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.errors import NotFound
from gifthub.application.ordering.access import order_for
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
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
    email: str = ""  # empty: the same address; else the corrected one (kept on the certificate)


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
    """Send an issued certificate again, to the same or a corrected address; audited by an event."""

    def __init__(self, uow: OrdersUnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow, self._clock, self._ids = uow, clock, ids

    async def execute(self, principal: Principal, command: ResendCertificateCommand) -> Certificate:
        async with self._uow as uow:
            _, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            certificate = await uow.certificates.get(command.certificate_id, for_update=True)
            if certificate is None or certificate.order_id != order.id:
                raise NotFound("certificate not found")
            if certificate.state is not CertificateState.DELIVERED:
                raise IllegalCertificateTransition(f"certificate is {certificate.state}: only an issued one is resent")
            address = clean_email(command.email, field="email") if command.email.strip() else certificate.email
            if not address:
                raise IllegalCertificateTransition(
                    "the certificate has no email: give one to send it to", field="email"
                )
            now = self._clock.now()
            previous = certificate.resent(address, now)
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
