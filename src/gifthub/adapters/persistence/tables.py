"""Imports every capability's tables so the metadata (and Alembic) sees them all."""

import gifthub.adapters.persistence.tables_catalog  # noqa: F401
import gifthub.adapters.persistence.tables_catalog_exports  # noqa: F401
import gifthub.adapters.persistence.tables_counterparties  # noqa: F401
from gifthub.adapters.persistence import (  # noqa: F401
    tables_accounts,
    tables_billing,  # noqa: F401
    tables_bus,  # noqa: F401
    tables_outbox,
)
