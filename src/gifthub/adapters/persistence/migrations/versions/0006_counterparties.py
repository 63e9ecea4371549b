"""counterparties: companies, bank accounts, BIC directory, CRM failures

Revision ID: 0006_counterparties
Revises: 0001_core
Create Date: 2026-11-22 04:27:30.382838
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_counterparties"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bank_directory_imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("business_day", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_directory_imports")),
    )
    op.create_table(
        "banks",
        sa.Column("bic", sa.String(length=9), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("english_name", sa.String(length=300), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("participant_type", sa.String(length=4), nullable=False),
        sa.Column("participant_status", sa.String(length=4), nullable=False),
        sa.Column("restrictions", sa.String(length=200), nullable=False),
        sa.Column("correspondent_account", sa.String(length=20), nullable=True),
        sa.Column("swift_bic", sa.String(length=11), nullable=True),
        sa.Column("directory_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("bic", name=op.f("pk_banks")),
    )
    op.create_table(
        "companies",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("tax_id", sa.String(length=12), nullable=False),
        sa.Column("kpp", sa.String(length=9), nullable=False),
        sa.Column("registration_number", sa.String(length=15), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("full_name", sa.String(length=500), nullable=False),
        sa.Column("legal_address", sa.String(length=500), nullable=False),
        sa.Column("head_name", sa.String(length=200), nullable=False),
        sa.Column("head_position", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_companies")),
    )
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.create_index("uq_companies_tax_id", ["country", "tax_id", "kpp"], unique=True)

    op.create_table(
        "crm_failures",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("origin_id", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("error_code", sa.String(length=100), nullable=False),
        sa.Column("error_description", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_failures")),
    )
    with op.batch_alter_table("crm_failures", schema=None) as batch_op:
        batch_op.create_index("ix_crm_failures_failed", ["failed_at", "id"], unique=False)

    op.create_table(
        "cabinet_companies",
        sa.Column("cabinet_id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["cabinet_id"], ["cabinets.id"], name=op.f("fk_cabinet_companies_cabinet_id_cabinets")),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_cabinet_companies_company_id_companies")
        ),
        sa.PrimaryKeyConstraint("cabinet_id", "company_id", name=op.f("pk_cabinet_companies")),
    )
    with op.batch_alter_table("cabinet_companies", schema=None) as batch_op:
        batch_op.create_index("ix_cabinet_companies_company", ["company_id"], unique=False)

    op.create_table(
        "company_bank_accounts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("bic", sa.String(length=11), nullable=False),
        sa.Column("account", sa.String(length=34), nullable=False),
        sa.Column("correspondent_account", sa.String(length=20), nullable=False),
        sa.Column("bank_name", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_company_bank_accounts_company_id_companies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_bank_accounts")),
    )
    with op.batch_alter_table("company_bank_accounts", schema=None) as batch_op:
        batch_op.create_index("uq_company_bank_accounts", ["company_id", "bic", "account"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("company_bank_accounts", schema=None) as batch_op:
        batch_op.drop_index("uq_company_bank_accounts")

    op.drop_table("company_bank_accounts")
    with op.batch_alter_table("cabinet_companies", schema=None) as batch_op:
        batch_op.drop_index("ix_cabinet_companies_company")

    op.drop_table("cabinet_companies")
    with op.batch_alter_table("crm_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_crm_failures_failed")

    op.drop_table("crm_failures")
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_index("uq_companies_tax_id")

    op.drop_table("companies")
    op.drop_table("banks")
    op.drop_table("bank_directory_imports")
