"""A person's choice, per kind of notification, of the channels it reaches them on."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.domain.notification_kinds import NotificationKind

# In-app is on for everything; email only for what needs action or is worth a letter. Order-status
# email is sent only when an order finishes (the other status changes stay in-app).
EMAIL_BY_DEFAULT = frozenset(
    {
        NotificationKind.LOW_BALANCE,
        NotificationKind.PARTIAL_PAYMENT,
        NotificationKind.PAYMENT_RECEIVED,
        NotificationKind.ORDER_STATUS,
        NotificationKind.CATALOG_EXPORT_READY,
    }
)


@dataclass(frozen=True)
class NotificationPreference:
    user_id: UUID
    kind: NotificationKind
    in_app: bool
    email: bool

    @classmethod
    def default(cls, user_id: UUID, kind: NotificationKind) -> NotificationPreference:
        return cls(user_id, kind, in_app=True, email=kind in EMAIL_BY_DEFAULT)


def preferences_of(user_id: UUID, stored: list[NotificationPreference]) -> list[NotificationPreference]:
    """Every kind, in declaration order: what the person chose, else the default."""
    chosen = {p.kind: p for p in stored}
    return [chosen.get(kind) or NotificationPreference.default(user_id, kind) for kind in NotificationKind]
