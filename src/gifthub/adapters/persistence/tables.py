"""Imports every capability's tables so the metadata (and Alembic) sees them all."""

from gifthub.adapters.persistence import tables_accounts, tables_orders, tables_outbox  # noqa: F401
