"""orders: orders, their certificates, idempotency keys of the orders API, XLSX uploads

Revision ID: 0004_orders
Revises: 0001_core
Create Date: 2026-11-22 04:27:26.093040
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_orders"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_idempotency_keys",
        sa.Column("scope", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", name=op.f("pk_order_idempotency_keys")),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("cabinet_id", sa.Uuid(), nullable=False),
        sa.Column("currency", sa.Enum("RUB", "KZT", "BYN", name="currency", native_enum=False), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "awaiting_payment",
                "queued",
                "processing",
                "completed",
                "partially_completed",
                "failed",
                "cancelled",
                name="orderstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hold_id", sa.Uuid(), nullable=True),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["hold_id"], ["holds.id"], name=op.f("fk_orders_hold_id_holds")),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_orders_project_id_projects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index("ix_orders_project_created", ["project_id", "created_at", "id"], unique=False)
        batch_op.create_index("ix_orders_status", ["status"], unique=False)

    op.create_table(
        "order_certificates",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("line_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.String(length=64), nullable=False),
        sa.Column("product_name", sa.String(length=300), nullable=False),
        sa.Column("currency", sa.Enum("RUB", "KZT", "BYN", name="currency", native_enum=False), nullable=False),
        sa.Column("nominal_minor", sa.BigInteger(), nullable=False),
        sa.Column("price_minor", sa.BigInteger(), nullable=False),
        sa.Column("recipient_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum("email", "sms", "link", "code", name="deliverychannel", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "state",
            sa.Enum(
                "pending",
                "ordering",
                "ordered",
                "delivered",
                "failed",
                name="certificatestate",
                native_enum=False,
                length=12,
            ),
            nullable=False,
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("purchase_key", sa.Uuid(), nullable=False),
        sa.Column("queue_id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=200), nullable=False),
        sa.Column("pin", sa.String(length=100), nullable=False),
        sa.Column("link", sa.String(length=1000), nullable=False),
        sa.Column("failure_reason", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("polls", sa.Integer(), nullable=False),
        sa.Column("next_check_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("captured", sa.Boolean(), nullable=False),
        sa.Column("hold_id", sa.Uuid(), nullable=True),
        sa.Column(
            "delivery_status",
            sa.Enum("waiting", "sent", "failed", name="deliverystatus", native_enum=False, length=12),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["hold_id"], ["holds.id"], name=op.f("fk_order_certificates_hold_id_holds")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_certificates_order_id_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_certificates")),
        sa.UniqueConstraint("purchase_key", name=op.f("uq_order_certificates_purchase_key")),
    )
    with op.batch_alter_table("order_certificates", schema=None) as batch_op:
        batch_op.create_index("ix_order_certificates_due", ["state", "next_check_at"], unique=False)
        batch_op.create_index("uq_order_certificates_position", ["order_id", "position"], unique=True)

    op.create_table(
        "order_uploads",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_uploads_order_id_orders")),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_order_uploads_project_id_projects")),
        sa.PrimaryKeyConstraint("project_id", "content_hash", name=op.f("pk_order_uploads")),
    )


def downgrade() -> None:
    op.drop_table("order_uploads")
    with op.batch_alter_table("order_certificates", schema=None) as batch_op:
        batch_op.drop_index("uq_order_certificates_position")
        batch_op.drop_index("ix_order_certificates_due")

    op.drop_table("order_certificates")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_status")
        batch_op.drop_index("ix_orders_project_created")

    op.drop_table("orders")
    op.drop_table("order_idempotency_keys")
