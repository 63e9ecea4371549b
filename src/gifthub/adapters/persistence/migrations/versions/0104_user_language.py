"""Each user reads GiftHub in a language (ru or en); people who were there before read Russian.

Revision ID: 0104_user_language
Revises: 0102_own_delivery
"""

import sqlalchemy as sa
from alembic import op

revision = "0104_user_language"
down_revision = "0102_own_delivery"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=False, server_default="ru"))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("language")
