"""Imports every capability's tables so the metadata (and Alembic) sees them all."""

import gifthub.adapters.persistence.tables_identity  # noqa: F401
from gifthub.adapters.persistence import tables_accounts, tables_outbox  # noqa: F401
