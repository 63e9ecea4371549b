"""The transactional outbox: domain events written in the same transaction as the change."""

from sqlalchemy import Column, Index, Integer, String, Table, Text, Uuid

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime

outbox = Table(
    "outbox",
    metadata,
    Column("id", Uuid, primary_key=True),  # also the bus message id, for de-duplication
    Column("event_name", String(100), nullable=False),
    Column("payload", Text, nullable=False),  # JSON
    Column("occurred_at", UtcDateTime, nullable=False),
    Column("published_at", UtcDateTime, nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
    Index("ix_outbox_pending", "published_at", "occurred_at"),
)
