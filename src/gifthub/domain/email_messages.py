"""Every email GiftHub sends, as a typed context: the one contract between producers and templates.

A producer builds one of these classes (a missing or unknown field is a TypeError at the producer,
caught by its tests) and records it with ``EmailRequested.of``; the template
``templates/<lang>/<template>.j2`` may use exactly these fields (checked by a test for every template
in every language). Values are strings: moments are ISO 8601, amounts decimal strings.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar


@dataclass(frozen=True, kw_only=True)
class EmailMessage:
    template: ClassVar[str] = ""
    attachment: ClassVar[str] = ""  # which field the mail adapter turns into an attached file, if any

    def context(self) -> dict[str, str]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


@dataclass(frozen=True, kw_only=True)
class InvitationEmail(EmailMessage):
    template: ClassVar[str] = "invitation"
    email: str
    cabinet_name: str
    role: str  # owner, manager, operator, accountant
    token: str  # single use; the link is the cabinet's /invitation page with it
    expires_at: str


@dataclass(frozen=True, kw_only=True)
class CabinetInvitationEmail(EmailMessage):
    """A user of GiftHub is invited to one more cabinet: they sign in and accept (or decline) it."""

    template: ClassVar[str] = "cabinet_invitation"
    email: str
    cabinet_name: str
    role: str
    cabinet_id: str


@dataclass(frozen=True, kw_only=True)
class WelcomeEmail(EmailMessage):
    template: ClassVar[str] = "welcome"
    email: str


@dataclass(frozen=True, kw_only=True)
class PasswordResetEmail(EmailMessage):
    template: ClassVar[str] = "password_reset"
    email: str
    token: str
    expires_at: str


@dataclass(frozen=True, kw_only=True)
class RegistrationReceivedEmail(EmailMessage):
    template: ClassVar[str] = "registration_received"
    email: str


@dataclass(frozen=True, kw_only=True)
class RegistrationExistsEmail(EmailMessage):
    """Someone registered with an address that has an account: tell its owner, not the requester."""

    template: ClassVar[str] = "registration_exists"
    email: str


@dataclass(frozen=True, kw_only=True)
class TwoFactorChangedEmail(EmailMessage):
    template: ClassVar[str] = "two_factor_changed"
    email: str
    change: str  # enabled, replaced (a new seed and recovery codes), reset (by platform staff)
    changed_at: str


@dataclass(frozen=True, kw_only=True)
class CertificateDeliveryEmail(EmailMessage):
    template: ClassVar[str] = "certificate_delivery"
    certificate_id: str
    product_name: str
    nominal: str
    currency: str
    recipient_name: str
    sender_name: str
    message: str
    code: str
    pin: str
    link: str


@dataclass(frozen=True, kw_only=True)
class CertificatesArchiveEmail(EmailMessage):
    """All issued certificates of an order in one zip; ``certificates`` is a JSON list of
    CertificateDeliveryEmail contexts."""

    template: ClassVar[str] = "certificates_archive"
    attachment: ClassVar[str] = "certificates"
    order_id: str
    count: str
    certificates: str


@dataclass(frozen=True, kw_only=True)
class OrderCompletedEmail(EmailMessage):
    template: ClassVar[str] = "order_completed"
    order_id: str
    project_name: str
    status: str  # completed, partially_completed, failed
    certificates: str  # issued
    failed: str
    amount: str  # captured
    currency: str
    completed_at: str


@dataclass(frozen=True, kw_only=True)
class InvoiceIssuedEmail(EmailMessage):
    template: ClassVar[str] = "invoice_issued"
    invoice_id: str
    number: str
    amount: str
    currency: str
    due_on: str  # ISO date


@dataclass(frozen=True, kw_only=True)
class _PaymentNotice(EmailMessage):
    """A payment counted against an invoice: what came and where the invoice stands."""

    number: str
    amount: str
    currency: str
    paid: str
    outstanding: str


@dataclass(frozen=True, kw_only=True)
class PaymentReceivedEmail(_PaymentNotice):
    template: ClassVar[str] = "payment_received"
    overpaid: str  # "0.00" unless the payment was larger than the invoice; the project gets it all


@dataclass(frozen=True, kw_only=True)
class PartialPaymentEmail(_PaymentNotice):
    template: ClassVar[str] = "partial_payment"


@dataclass(frozen=True, kw_only=True)
class InvoiceRegistryEmail(EmailMessage):
    """The daily registry for accounting; ``csv`` travels as the attached file."""

    template: ClassVar[str] = "invoice_registry"
    attachment: ClassVar[str] = "csv"
    day: str
    count: str
    csv: str


@dataclass(frozen=True, kw_only=True)
class LowBalanceEmail(EmailMessage):
    template: ClassVar[str] = "low_balance"
    project_name: str
    available: str
    threshold: str
    currency: str
    at: str


@dataclass(frozen=True, kw_only=True)
class NewCompanyEmail(EmailMessage):
    """To platform staff."""

    template: ClassVar[str] = "new_company"
    company_id: str
    company_name: str
    country: str
    tax_id: str
    kpp: str
    registration_number: str
    cabinet_id: str
    cabinet_name: str
    contact_name: str
    contact_email: str
    contact_phone: str
    registered_at: str


@dataclass(frozen=True, kw_only=True)
class CatalogExportReadyEmail(EmailMessage):
    template: ClassVar[str] = "catalog_export_ready"
    cabinet_id: str
    export_id: str
    format: str  # xlsx, pdf
    file_name: str


EMAIL_MESSAGES: dict[str, type[EmailMessage]] = {
    kind.template: kind
    for kind in (
        InvitationEmail,
        CabinetInvitationEmail,
        WelcomeEmail,
        PasswordResetEmail,
        RegistrationReceivedEmail,
        RegistrationExistsEmail,
        TwoFactorChangedEmail,
        CertificateDeliveryEmail,
        CertificatesArchiveEmail,
        OrderCompletedEmail,
        InvoiceIssuedEmail,
        PaymentReceivedEmail,
        PartialPaymentEmail,
        InvoiceRegistryEmail,
        LowBalanceEmail,
        NewCompanyEmail,
        CatalogExportReadyEmail,
    )
}
