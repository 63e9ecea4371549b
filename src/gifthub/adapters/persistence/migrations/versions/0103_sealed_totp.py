"""TOTP seeds are stored sealed (Fernet tokens are ~140 characters): widen their columns.

Revision ID: 0103_sealed_totp
Revises: 0101_notification_prefs
"""

import sqlalchemy as sa
from alembic import op

revision = "0103_sealed_totp"
down_revision = "0101_notification_prefs"
branch_labels = None
depends_on = None

COLUMNS = ("totp_secret", "totp_pending_secret")


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        for column in COLUMNS:
            batch.alter_column(column, type_=sa.String(length=255), existing_type=sa.String(length=64))


def downgrade() -> None:
    # Sealed seeds do not fit back: 2FA of those users is turned off (they set it up again).
    users = sa.table("users", *(sa.column(c, sa.String) for c in COLUMNS), sa.column("totp_enabled_at"))
    op.execute(
        users.update().where(sa.func.length(users.c.totp_secret) > 64).values(totp_secret=None, totp_enabled_at=None)
    )
    op.execute(users.update().where(sa.func.length(users.c.totp_pending_secret) > 64).values(totp_pending_secret=None))
    with op.batch_alter_table("users") as batch:
        for column in COLUMNS:
            batch.alter_column(column, type_=sa.String(length=64), existing_type=sa.String(length=255))
