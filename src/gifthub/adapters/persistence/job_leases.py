"""Job leases in the database: a run of a scheduled job is taken by one process, whichever asks first.

One row per job. Taking run ``key`` is one conditional UPDATE (the row is inserted first if missing,
``ON CONFLICT DO NOTHING``): it succeeds only when no live lease is held and ``key`` is not the run that
finished last. On PostgreSQL a concurrent UPDATE waits for the winner's row lock and then re-checks the
condition against the winner's row, so it fails; on SQLite writers serialize. A holder that dies leaves
its lease to expire (``leased_until``), and another process runs the job again.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.tables_jobs import job_leases


class Lease(StrEnum):
    TAKEN = "taken"  # this process runs it now
    DONE = "done"  # this run already finished (here or elsewhere)
    BUSY = "busy"  # another process holds it


class JobLeases:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], holder: str) -> None:
        self._sessions = sessions
        self.holder = holder
        dialect = sessions.kw["bind"].dialect.name
        self._insert = pg_insert if dialect == "postgresql" else sqlite_insert

    async def take(self, job: str, key: str, now: datetime, ttl: timedelta) -> Lease:
        async with self._sessions() as session, session.begin():
            await session.execute(self._insert(job_leases).values(job=job).on_conflict_do_nothing())
            taken = await session.execute(
                update(job_leases)
                .where(
                    job_leases.c.job == job,
                    or_(job_leases.c.leased_until.is_(None), job_leases.c.leased_until <= now),
                    or_(job_leases.c.done_key.is_(None), job_leases.c.done_key != key),
                )
                .values(holder=self.holder, leased_until=now + ttl)
            )
            if taken.rowcount == 1:
                return Lease.TAKEN
            done = await session.scalar(select(job_leases.c.done_key).where(job_leases.c.job == job))
            return Lease.DONE if done == key else Lease.BUSY

    async def finish(self, job: str, key: str, now: datetime) -> None:
        await self._release(job, done_key=key, finished_at=now, leased_until=None)

    async def give_up(self, job: str, retry_at: datetime) -> None:
        """The run failed: nobody (this process included) tries again before ``retry_at``."""
        await self._release(job, leased_until=retry_at)

    async def _release(self, job: str, **values) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(
                update(job_leases)
                .where(job_leases.c.job == job, job_leases.c.holder == self.holder)
                .values(holder=None, **values)
            )
