"""Tables of cabinets, projects, holds and the ledger."""

from sqlalchemy import BigInteger, CheckConstraint, Column, ForeignKey, Index, Integer, String, Table, Text, Uuid

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime, str_enum
from gifthub.domain.ledger import EntryKind
from gifthub.domain.money import Currency
from gifthub.domain.project import ProjectStatus
from gifthub.domain.reference import ReferenceKind
from gifthub.domain.region import Region

cabinets = Table(
    "cabinets",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_cabinets_created", "created_at", "id"),
)

projects = Table(
    "projects",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("cabinet_id", Uuid, ForeignKey("cabinets.id"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("region", str_enum(Region, 2), nullable=False),
    Column("currency", str_enum(Currency, 3), nullable=False),
    Column("b2b_code", String(20), nullable=False, unique=True),
    Column("negative_limit_minor", BigInteger, nullable=False),
    Column("balance_minor", BigInteger, nullable=False),
    Column("held_minor", BigInteger, nullable=False),
    Column("last_sequence", Integer, nullable=False),
    Column("status", str_enum(ProjectStatus, 16), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    CheckConstraint("negative_limit_minor >= 0", name="limit_not_negative"),
    CheckConstraint("held_minor >= 0", name="held_not_negative"),
    Index("ix_projects_cabinet_created", "cabinet_id", "created_at", "id"),
    Index("ix_projects_created", "created_at", "id"),
)

holds = Table(
    "holds",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("project_id", Uuid, ForeignKey("projects.id"), nullable=False, index=True),
    Column("reference_kind", str_enum(ReferenceKind, 16), nullable=False),
    Column("reference_value", String(200), nullable=False),
    Column("currency", str_enum(Currency, 3), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("captured_minor", BigInteger, nullable=False),
    Column("released_minor", BigInteger, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    CheckConstraint("captured_minor + released_minor <= amount_minor", name="settled_within_amount"),
)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("project_id", Uuid, ForeignKey("projects.id"), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("kind", str_enum(EntryKind, 16), nullable=False),
    Column("currency", str_enum(Currency, 3), nullable=False),
    Column("amount_minor", BigInteger, nullable=False),
    Column("reference_kind", str_enum(ReferenceKind, 16), nullable=False),
    Column("reference_value", String(200), nullable=False),
    Column("hold_id", Uuid, ForeignKey("holds.id"), nullable=True),
    Column("balance_after_minor", BigInteger, nullable=False),
    Column("held_after_minor", BigInteger, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("created_at", UtcDateTime, nullable=False),
    # The idempotency key: one operation of a kind per reference, platform-wide.
    Index("uq_ledger_entries_operation", "kind", "reference_kind", "reference_value", unique=True),
    Index("uq_ledger_entries_project_sequence", "project_id", "sequence", unique=True),
    Index("ix_ledger_entries_project_created", "project_id", "created_at"),
)
