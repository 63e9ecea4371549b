"""Cabinet memberships: an invitation waits for the person's consent (accepted_at NULL).

Joining a cabinet needs the person's acceptance. Every membership that existed before counts as accepted
when it was created.

Revision ID: 0140_membership_acceptance
Revises: 0130_certificate_states
"""

import sqlalchemy as sa
from alembic import op

revision = "0140_membership_acceptance"
down_revision = "0130_certificate_states"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cabinet_memberships") as batch:
        batch.add_column(sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE cabinet_memberships SET accepted_at = created_at")


def downgrade() -> None:
    # Invitations nobody accepted are not memberships; the old schema has no way to tell them apart.
    op.execute(
        "DELETE FROM project_grants WHERE EXISTS (SELECT 1 FROM cabinet_memberships m WHERE "
        "m.user_id = project_grants.user_id AND m.cabinet_id = project_grants.cabinet_id "
        "AND m.accepted_at IS NULL)"
    )
    op.execute("DELETE FROM cabinet_memberships WHERE accepted_at IS NULL")
    with op.batch_alter_table("cabinet_memberships") as batch:
        batch.drop_column("accepted_at")
