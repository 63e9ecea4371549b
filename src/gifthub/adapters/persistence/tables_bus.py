"""The bus side of persistence: the consumers' inbox and the log of emails sent or refused."""

from sqlalchemy import BigInteger, Boolean, Column, Index, PrimaryKeyConstraint, String, Table, Text, Uuid

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime

# One row per (consumer, message id) processed; written in the consumer's own transaction so a
# redelivered message finds it and does nothing twice.
inbox = Table(
    "inbox",
    metadata,
    Column("consumer", String(100), nullable=False),
    Column("message_id", String(100), nullable=False),
    Column("processed_at", UtcDateTime, nullable=False),
    PrimaryKeyConstraint("consumer", "message_id"),
)

email_deliveries = Table(
    "email_deliveries",
    metadata,
    Column("dedup_key", String(200), primary_key=True),  # the event's dedup_key, else the message id
    Column("recipient", String(320), nullable=False),
    Column("template", String(100), nullable=False),
    Column("subject", String(500), nullable=False),
    Column("status", String(20), nullable=False),  # sent | refused
    Column("reason", Text, nullable=True),
    Column("recorded_at", UtcDateTime, nullable=False),
    Index("ix_email_deliveries_recorded", "recorded_at"),
)

notifications = Table(
    "notifications",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("recipient", String(200), nullable=False),
    Column("kind", String(50), nullable=False),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("read_at", UtcDateTime, nullable=True),
    Index("ix_notifications_recipient_created", "recipient", "created_at"),
)

low_balance_alerts = Table(
    "low_balance_alerts",
    metadata,
    Column("project_id", Uuid, primary_key=True),
    Column("threshold_minor", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("alerted", Boolean, nullable=False),
)
