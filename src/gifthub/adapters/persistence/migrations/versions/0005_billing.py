"""billing: sellers, invoices, payments

Revision ID: 0005_billing
Revises: 0001_core
Create Date: 2026-11-22 04:26:09.313995
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_billing"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "billing_sellers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("region", sa.Enum("RU", "KZ", "BY", name="region", native_enum=False), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("number_prefix", sa.String(length=5), nullable=False),
        sa.Column("inn", sa.String(length=12), nullable=False),
        sa.Column("kpp", sa.String(length=9), nullable=False),
        sa.Column("ogrn", sa.String(length=15), nullable=False),
        sa.Column("bin", sa.String(length=12), nullable=False),
        sa.Column("kbe", sa.String(length=2), nullable=False),
        sa.Column("knp", sa.String(length=3), nullable=False),
        sa.Column("unp", sa.String(length=9), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("bank_name", sa.String(length=300), nullable=False),
        sa.Column("bank_account", sa.String(length=34), nullable=False),
        sa.Column("bank_bic", sa.String(length=11), nullable=False),
        sa.Column("bank_correspondent_account", sa.String(length=20), nullable=False),
        sa.Column("signatory_name", sa.String(length=200), nullable=False),
        sa.Column("signatory_title", sa.String(length=200), nullable=False),
        sa.Column("vat_exempt", sa.Boolean(), nullable=False),
        sa.Column("signature_image", sa.LargeBinary(), nullable=True),
        sa.Column("stamp_image", sa.LargeBinary(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_sellers")),
        sa.UniqueConstraint("number_prefix", name=op.f("uq_billing_sellers_number_prefix")),
    )
    with op.batch_alter_table("billing_sellers", schema=None) as batch_op:
        batch_op.create_index("ix_billing_sellers_region", ["region", "active", "created_at"], unique=False)

    op.create_table(
        "billing_invoice_counters",
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["billing_sellers.id"], name=op.f("fk_billing_invoice_counters_seller_id_billing_sellers")
        ),
        sa.PrimaryKeyConstraint("seller_id", "year", name=op.f("pk_billing_invoice_counters")),
    )
    op.create_table(
        "billing_invoices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("seller_id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column(
            "kind", sa.Enum("top_up", "registry", name="invoicekind", native_enum=False, length=16), nullable=False
        ),
        sa.Column(
            "status",
            sa.Enum(
                "issued",
                "partially_paid",
                "paid",
                "cancelled",
                "expired",
                name="invoicestatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("currency", sa.Enum("RUB", "KZT", "BYN", name="currency", native_enum=False), nullable=False),
        sa.Column("total_minor", sa.BigInteger(), nullable=False),
        sa.Column("vat_minor", sa.BigInteger(), nullable=False),
        sa.Column("vat_percent", sa.String(length=8), nullable=True),
        sa.Column("paid_minor", sa.BigInteger(), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("buyer_name", sa.String(length=300), nullable=False),
        sa.Column("buyer_inn", sa.String(length=12), nullable=False),
        sa.Column("buyer_kpp", sa.String(length=9), nullable=False),
        sa.Column("buyer_address", sa.String(length=500), nullable=False),
        sa.Column("buyer_email", sa.String(length=320), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_billing_invoices_project_id_projects")),
        sa.ForeignKeyConstraint(
            ["seller_id"], ["billing_sellers.id"], name=op.f("fk_billing_invoices_seller_id_billing_sellers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_invoices")),
        sa.UniqueConstraint("number", name=op.f("uq_billing_invoices_number")),
    )
    with op.batch_alter_table("billing_invoices", schema=None) as batch_op:
        batch_op.create_index("ix_billing_invoices_created", ["created_at", "id"], unique=False)
        batch_op.create_index("ix_billing_invoices_issued", ["issued_on"], unique=False)
        batch_op.create_index("ix_billing_invoices_project_created", ["project_id", "created_at", "id"], unique=False)
        batch_op.create_index("ix_billing_invoices_status_due", ["status", "due_on"], unique=False)

    op.create_table(
        "billing_payments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("document_number", sa.String(length=40), nullable=False),
        sa.Column("document_date", sa.Date(), nullable=False),
        sa.Column("currency", sa.Enum("RUB", "KZT", "BYN", name="currency", native_enum=False), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("payer_name", sa.String(length=500), nullable=False),
        sa.Column("payer_inn", sa.String(length=12), nullable=False),
        sa.Column("payer_account", sa.String(length=34), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("applied", "unmatched", name="paymentstatus", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=True),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("overpaid_minor", sa.BigInteger(), nullable=True),
        sa.Column("credited", sa.Boolean(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["billing_invoices.id"], name=op.f("fk_billing_payments_invoice_id_billing_invoices")
        ),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_billing_payments_project_id_projects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_payments")),
        sa.UniqueConstraint("reference", name=op.f("uq_billing_payments_reference")),
    )
    with op.batch_alter_table("billing_payments", schema=None) as batch_op:
        batch_op.create_index("ix_billing_payments_received", ["received_at", "id"], unique=False)
        batch_op.create_index("ix_billing_payments_status_received", ["status", "received_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("billing_payments", schema=None) as batch_op:
        batch_op.drop_index("ix_billing_payments_status_received")
        batch_op.drop_index("ix_billing_payments_received")

    op.drop_table("billing_payments")
    with op.batch_alter_table("billing_invoices", schema=None) as batch_op:
        batch_op.drop_index("ix_billing_invoices_status_due")
        batch_op.drop_index("ix_billing_invoices_project_created")
        batch_op.drop_index("ix_billing_invoices_issued")
        batch_op.drop_index("ix_billing_invoices_created")

    op.drop_table("billing_invoices")
    op.drop_table("billing_invoice_counters")
    with op.batch_alter_table("billing_sellers", schema=None) as batch_op:
        batch_op.drop_index("ix_billing_sellers_region")

    op.drop_table("billing_sellers")
