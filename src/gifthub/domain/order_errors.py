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
