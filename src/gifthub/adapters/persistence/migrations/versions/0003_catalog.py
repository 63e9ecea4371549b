"""catalog: brands, categories, products, product_categories, commission_rules

Revision ID: 0003_catalog
Revises: 0001_core
Create Date: 2026-11-22 04:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_catalog"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "brands",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("logo_url", sa.String(length=1000), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brands")),
    )
    op.create_index("ix_brands_name", "brands", ["name", "id"], unique=False)

    op.create_table(
        "categories",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
    )

    op.create_table(
        "products",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("brand_id", sa.String(length=64), nullable=False),
        sa.Column("brand_name", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("title_en", sa.String(length=500), nullable=False),
        sa.Column("region", sa.Enum("RU", "KZ", "BY", name="region", native_enum=False, length=2), nullable=False),
        sa.Column(
            "currency", sa.Enum("RUB", "KZT", "BYN", name="currency", native_enum=False, length=3), nullable=False
        ),
        sa.Column("nominal_fixed", sa.Text(), nullable=False),
        sa.Column("nominal_min", sa.BigInteger(), nullable=True),
        sa.Column("nominal_max", sa.BigInteger(), nullable=True),
        sa.Column("nominal_step", sa.BigInteger(), nullable=True),
        sa.Column("nominal_low", sa.BigInteger(), nullable=False),
        sa.Column("nominal_high", sa.BigInteger(), nullable=False),
        sa.Column(
            "acceptance",
            sa.Enum("online", "offline", "both", name="acceptance", native_enum=False, length=8),
            nullable=False,
        ),
        sa.Column("image_url", sa.String(length=1000), nullable=False),
        sa.Column("disclaimer", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("extra", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["brand_id"], ["brands.id"], name=op.f("fk_products_brand_id_brands")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )
    op.create_index("ix_products_brand_id", "products", ["brand_id"], unique=False)
    op.create_index("ix_products_listing", "products", ["active", "region", "title", "id"], unique=False)

    op.create_table(
        "product_categories",
        sa.Column("product_id", sa.String(length=64), nullable=False),
        sa.Column("category_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_categories_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("product_id", "category_id", name=op.f("pk_product_categories")),
    )
    op.create_index("ix_product_categories_category", "product_categories", ["category_id", "product_id"], unique=False)

    op.create_table(
        "commission_rules",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("scope_key", sa.String(length=200), nullable=False),
        sa.Column("cabinet_id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("brand_id", sa.String(length=64), nullable=True),
        sa.Column("product_id", sa.String(length=64), nullable=True),
        sa.Column("percent_hundredths", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["cabinet_id"], ["cabinets.id"], name=op.f("fk_commission_rules_cabinet_id_cabinets")),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name=op.f("fk_commission_rules_project_id_projects")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commission_rules")),
        sa.UniqueConstraint("scope_key", name=op.f("uq_commission_rules_scope_key")),
    )
    op.create_index("ix_commission_rules_cabinet_id", "commission_rules", ["cabinet_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_commission_rules_cabinet_id", table_name="commission_rules")
    op.drop_table("commission_rules")
    op.drop_index("ix_product_categories_category", table_name="product_categories")
    op.drop_table("product_categories")
    op.drop_index("ix_products_listing", table_name="products")
    op.drop_index("ix_products_brand_id", table_name="products")
    op.drop_table("products")
    op.drop_table("categories")
    op.drop_index("ix_brands_name", table_name="brands")
    op.drop_table("brands")
