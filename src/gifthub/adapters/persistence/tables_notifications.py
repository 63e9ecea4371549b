"""Per-person notification preferences: only choices are stored, a missing row means the default."""

from sqlalchemy import Boolean, Column, ForeignKey, PrimaryKeyConstraint, String, Table, Uuid

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime

notification_preferences = Table(
    "notification_preferences",
    metadata,
    Column("user_id", Uuid, ForeignKey("users.id"), nullable=False),
    Column("kind", String(50), nullable=False),  # a NotificationKind value
    Column("in_app", Boolean, nullable=False),
    Column("email", Boolean, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    PrimaryKeyConstraint("user_id", "kind"),
)
