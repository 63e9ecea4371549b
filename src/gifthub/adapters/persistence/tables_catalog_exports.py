"""Catalog exports: status and progress here; the finished file on disk (see export_files.py)."""

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, String, Table, Uuid

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime, str_enum
from gifthub.domain.catalog_export import ExportFormat, ExportStatus

catalog_exports = Table(
    "catalog_exports",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("cabinet_id", Uuid, ForeignKey("cabinets.id"), nullable=False),
    Column("project_id", Uuid, ForeignKey("projects.id"), nullable=True),
    Column("format", str_enum(ExportFormat, 8), nullable=False),
    Column("status", str_enum(ExportStatus, 16), nullable=False),
    Column("progress", Integer, nullable=False),
    Column("requested_by", String(200), nullable=False),
    Column("file_name", String(200), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("error", String(500), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime, nullable=True),
    Index("ix_catalog_exports_cabinet", "cabinet_id", "created_at"),
    Index("ix_catalog_exports_status", "status"),
)
