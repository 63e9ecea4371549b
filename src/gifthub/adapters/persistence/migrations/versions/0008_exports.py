"""catalog exports

Revision ID: 0008_exports
Revises: 0001_core
Create Date: 2026-11-22 05:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_exports"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalog_exports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("cabinet_id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("format", sa.Enum("xlsx", "pdf", name="exportformat", native_enum=False, length=8), nullable=False),
        sa.Column(
            "status",
            sa.Enum("pending", "running", "ready", "failed", name="exportstatus", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("error", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["cabinet_id"], ["cabinets.id"]),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_catalog_exports_cabinet", "catalog_exports", ["cabinet_id", "created_at"])
    op.create_index("ix_catalog_exports_status", "catalog_exports", ["status"])


def downgrade() -> None:
    op.drop_index("ix_catalog_exports_status", table_name="catalog_exports")
    op.drop_index("ix_catalog_exports_cabinet", table_name="catalog_exports")
    op.drop_table("catalog_exports")
