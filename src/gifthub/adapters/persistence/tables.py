"""Imports every capability's tables so the metadata (and Alembic) sees them all."""

from gifthub.adapters.persistence import (  # noqa: F401
    tables_accounts,
    tables_billing,
    tables_bus,
    tables_catalog,
    tables_catalog_exports,
    tables_counterparties,
    tables_identity,
    tables_jobs,
    tables_notifications,
    tables_orders,
    tables_outbox,
)
