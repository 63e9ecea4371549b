"""Imports every capability's tables so the metadata (and Alembic) sees them all."""

from gifthub.adapters.persistence import (  # noqa: F401
    tables_accounts,
    tables_orders,  # noqa: F401
    tables_outbox,
)
