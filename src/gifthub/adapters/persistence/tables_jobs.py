"""Scheduled jobs' leases: one row per job, so each run happens once across processes."""

from sqlalchemy import Column, String, Table

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime

job_leases = Table(
    "job_leases",
    metadata,
    Column("job", String(100), primary_key=True),
    Column("done_key", String(64), nullable=True),  # the last run that finished (e.g. a day, a slot)
    Column("holder", String(200), nullable=True),  # the process running it now
    Column("leased_until", UtcDateTime, nullable=True),  # after this, another process may take over
    Column("finished_at", UtcDateTime, nullable=True),
)
