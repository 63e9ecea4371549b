"""core: cabinets, projects, ledger, outbox

Revision ID: 0001_core
Revises:
Create Date: 2026-11-22 04:11:54.876481
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "cabinets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cabinets")),
    )
    with op.batch_alter_table("cabinets", schema=None) as batch_op:
        batch_op.create_index("ix_cabinets_created", ["created_at", "id"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_name", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_pending", ["published_at", "occurred_at"], unique=False)

    op.create_table(
        "projects",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("cabinet_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.Enum("RU", "KZ", "BY", name="region", native_enum=False), nullable=False),
        sa.Column("currency", sa.Enum("RUB", "KZT", "BYN", name="currency", native_enum=False), nullable=False),
        sa.Column("b2b_code", sa.String(length=20), nullable=False),
        sa.Column("negative_limit_minor", sa.BigInteger(), nullable=False),
        sa.Column("balance_minor", sa.BigInteger(), nullable=False),
        sa.Column("held_minor", sa.BigInteger(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column(
            "status", sa.Enum("active", "frozen", name="projectstatus", native_enum=False, length=16), nullable=False
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("held_minor >= 0", name=op.f("ck_projects_held_not_negative")),
        sa.CheckConstraint("negative_limit_minor >= 0", name=op.f("ck_projects_limit_not_negative")),
        sa.ForeignKeyConstraint(["cabinet_id"], ["cabinets.id"], name=op.f("fk_projects_cabinet_id_cabinets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("b2b_code", name=op.f("uq_projects_b2b_code")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index("ix_projects_cabinet_created", ["cabinet_id", "created_at", "id"], unique=False)
        batch_op.create_index("ix_projects_created", ["created_at", "id"], unique=False)

    op.create_table(
        "holds",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column(
            "reference_kind",
            sa.Enum(
                "payment",
                "invoice",
                "order",
                "certificate",
                "manual",
                name="referencekind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("reference_value", sa.String(length=200), nullable=False),
        sa.Column("currency", sa.Enum("RUB", "KZT", "BYN", name="currency", native_enum=False), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("captured_minor", sa.BigInteger(), nullable=False),
        sa.Column("released_minor", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "captured_minor + released_minor <= amount_minor", name=op.f("ck_holds_settled_within_amount")
        ),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_holds_project_id_projects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holds")),
    )
    with op.batch_alter_table("holds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_holds_project_id"), ["project_id"], unique=False)

    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "top_up", "hold", "release", "capture", "adjustment", name="entrykind", native_enum=False, length=16
            ),
            nullable=False,
        ),
        sa.Column("currency", sa.Enum("RUB", "KZT", "BYN", name="currency", native_enum=False), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column(
            "reference_kind",
            sa.Enum(
                "payment",
                "invoice",
                "order",
                "certificate",
                "manual",
                name="referencekind",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("reference_value", sa.String(length=200), nullable=False),
        sa.Column("hold_id", sa.Uuid(), nullable=True),
        sa.Column("balance_after_minor", sa.BigInteger(), nullable=False),
        sa.Column("held_after_minor", sa.BigInteger(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["hold_id"], ["holds.id"], name=op.f("fk_ledger_entries_hold_id_holds")),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_ledger_entries_project_id_projects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entries")),
    )
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.create_index("ix_ledger_entries_project_created", ["project_id", "created_at"], unique=False)
        batch_op.create_index("uq_ledger_entries_operation", ["kind", "reference_kind", "reference_value"], unique=True)
        batch_op.create_index("uq_ledger_entries_project_sequence", ["project_id", "sequence"], unique=True)


def downgrade() -> None:

    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.drop_index("uq_ledger_entries_project_sequence")
        batch_op.drop_index("uq_ledger_entries_operation")
        batch_op.drop_index("ix_ledger_entries_project_created")

    op.drop_table("ledger_entries")
    with op.batch_alter_table("holds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_holds_project_id"))

    op.drop_table("holds")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index("ix_projects_created")
        batch_op.drop_index("ix_projects_cabinet_created")

    op.drop_table("projects")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending")

    op.drop_table("outbox")
    with op.batch_alter_table("cabinets", schema=None) as batch_op:
        batch_op.drop_index("ix_cabinets_created")

    op.drop_table("cabinets")
