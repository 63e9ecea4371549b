"""bus: consumers' inbox, email deliveries, notifications, low-balance alerts

Revision ID: 0007_bus
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_bus"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("consumer", sa.String(length=100), nullable=False),
        sa.Column("message_id", sa.String(length=100), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("consumer", "message_id", name=op.f("pk_inbox")),
    )
    op.create_table(
        "email_deliveries",
        sa.Column("dedup_key", sa.String(length=200), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("template", sa.String(length=100), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("dedup_key", name=op.f("pk_email_deliveries")),
    )
    with op.batch_alter_table("email_deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_email_deliveries_recorded", ["recorded_at"], unique=False)
    op.create_table(
        "notifications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index("ix_notifications_recipient_created", ["recipient", "created_at"], unique=False)
    op.create_table(
        "low_balance_alerts",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("threshold_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("alerted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("project_id", name=op.f("pk_low_balance_alerts")),
    )


def downgrade() -> None:
    op.drop_table("low_balance_alerts")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_recipient_created")
    op.drop_table("notifications")
    with op.batch_alter_table("email_deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_email_deliveries_recorded")
    op.drop_table("email_deliveries")
    op.drop_table("inbox")
