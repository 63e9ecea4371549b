"""Join the capabilities' migrations, built side by side on 0001_core, into one line again.

Revision ID: 0100_merge
Revises: 0002_identity, 0003_catalog, 0004_orders, 0005_billing, 0006_counterparties, 0007_bus, 0008_exports
"""

revision = "0100_merge"
down_revision = (
    "0002_identity",
    "0003_catalog",
    "0004_orders",
    "0005_billing",
    "0006_counterparties",
    "0007_bus",
    "0008_exports",
)
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
