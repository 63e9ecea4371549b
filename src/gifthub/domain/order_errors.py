"""Errors of orders and certificates; each has a stable code the edges map to problem types."""

from __future__ import annotations

from gifthub.domain.errors import DomainError


class InvalidOrder(DomainError):
    code = "invalid-order"


class IllegalOrderTransition(DomainError):
    code = "illegal-order-transition"


class IllegalCertificateTransition(DomainError):
    code = "illegal-certificate-transition"


class InvalidSchedule(DomainError):
    code = "invalid-schedule"


class DeliveryScheduled(IllegalOrderTransition):
    """The certificate waits for its scheduled moment and is sent then; a resend cannot send it earlier."""

    code = "delivery-scheduled"


class DuplicateCertificate(InvalidOrder):
    """The same product at the same nominal for the same recipient twice in one order. Where one person
    is meant to get it twice, the request confirms it (`allow_duplicates: true`)."""

    code = "duplicate-certificate"
