"""own delivery: who delivers an order (Giftery or GiftHub's own email), and why an email was refused

Revision ID: 0102_own_delivery
Revises: 0103_sealed_totp
Create Date: 2026-11-22 08:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0102_own_delivery"
down_revision = "0103_sealed_totp"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing orders and certificates keep today's behaviour: Giftery delivers.
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("delivered_by", sa.String(length=8), nullable=False, server_default="giftery"))
    with op.batch_alter_table("order_certificates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("delivered_by", sa.String(length=8), nullable=False, server_default="giftery"))
        batch_op.add_column(sa.Column("delivery_error", sa.Text(), nullable=False, server_default=""))
        batch_op.create_index("ix_order_certificates_waiting", ["delivery_status", "scheduled_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("order_certificates", schema=None) as batch_op:
        batch_op.drop_index("ix_order_certificates_waiting")
        batch_op.drop_column("delivery_error")
        batch_op.drop_column("delivered_by")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("delivered_by")
