"""Leases of scheduled jobs: each billing job runs once across the processes sharing the database.

Revision ID: 0160_job_leases
Revises: 0140_membership_acceptance
"""

import sqlalchemy as sa
from alembic import op

from gifthub.adapters.persistence.types import UtcDateTime

revision = "0160_job_leases"
down_revision = "0140_membership_acceptance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "job_leases",
        sa.Column("job", sa.String(length=100), primary_key=True),
        sa.Column("done_key", sa.String(length=64), nullable=True),
        sa.Column("holder", sa.String(length=200), nullable=True),
        sa.Column("leased_until", UtcDateTime(), nullable=True),
        sa.Column("finished_at", UtcDateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("job_leases")
