"""What the notification centre tells people, and who in a cabinet may be told it."""

from __future__ import annotations

from enum import StrEnum

from gifthub.domain.errors import DomainError
from gifthub.domain.identity import CabinetRole


class UnknownNotificationKind(DomainError):
    code = "unknown-notification-kind"


class NotificationKind(StrEnum):
    BALANCE_TOPPED_UP = "balance_topped_up"
    LOW_BALANCE = "low_balance"
    PAYMENT_RECEIVED = "payment_received"
    PARTIAL_PAYMENT = "partial_payment"
    INVOICE_ISSUED = "invoice_issued"
    ORDER_STATUS = "order_status"
    CERTIFICATE_FAILED = "certificate_failed"
    CATALOG_EXPORT_READY = "catalog_export_ready"

    @classmethod
    def parse(cls, value: str, *, field: str = "kind") -> NotificationKind:
        try:
            return cls(value)
        except ValueError:
            known = ", ".join(k.value for k in cls)
            raise UnknownNotificationKind(f"unknown notification kind {value!r}; known: {known}", field=field) from None

    @property
    def about_orders(self) -> bool:
        return self in (NotificationKind.ORDER_STATUS, NotificationKind.CERTIFICATE_FAILED)

    @property
    def to_requester_only(self) -> bool:
        """A catalog export is announced to the person who asked for it, not to the whole cabinet."""
        return self is NotificationKind.CATALOG_EXPORT_READY


def may_receive(kind: NotificationKind, role: CabinetRole, *, granted: bool, is_creator: bool = False) -> bool:
    """Mirrors application/authorization.py: a person is told only what they may read.

    Money (balance, invoices, payments): owner, manager, an accountant granted the project.
    Orders: owner, manager, an operator granted the project or the one who created the order.
    """
    if role.sees_every_project:
        return True
    if kind.about_orders:
        return role is CabinetRole.OPERATOR and (granted or is_creator)
    return role is CabinetRole.ACCOUNTANT and granted
