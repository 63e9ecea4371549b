"""Alembic environment. Migrations run on a connection handed in by ``migrator`` (sync or async)."""

from alembic import context

from gifthub.adapters.persistence import tables  # noqa: F401  (registers every table)
from gifthub.adapters.persistence.metadata import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through gifthub.adapters.persistence.migrator")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
