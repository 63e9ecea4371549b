"""One small scheduler for periodic work: every interval, or daily at a time of a zone; each run once
across every process sharing the database (a lease row, adapters/persistence/job_leases.py).

``gifthub worker`` runs it, and so does the single-process ``gifthub serve`` (its lifespan); several of
them may run side by side: whichever takes a run's lease first does it, the others skip it. A run is
named by its key (the interval's slot since the epoch, or the local day), so all processes agree on
which run is due, and one that missed a run (it was down at the time) catches up once when it starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from dishka import AsyncContainer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.job_leases import JobLeases, Lease
from gifthub.application.ports.clock import Clock

log = logging.getLogger("gifthub.jobs.scheduler")


@dataclass(frozen=True)
class Every:
    interval: timedelta

    def run_key(self, now: datetime) -> str:
        return f"every-{int(self.interval.total_seconds())}s:{int(now.timestamp() // self.interval.total_seconds())}"


@dataclass(frozen=True)
class DailyAt:
    at: time
    zone: ZoneInfo

    def run_key(self, now: datetime) -> str:
        """The local day whose run is due: today once ``at`` has passed, else yesterday."""
        local = now.astimezone(self.zone)
        day = local.date() if local.time() >= self.at else local.date() - timedelta(days=1)
        return day.isoformat()


# (container, run key) -> what to log
JobBody = Callable[[AsyncContainer, str], Awaitable[object]]


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    schedule: Every | DailyAt
    run: JobBody


def process_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Scheduler:
    def __init__(
        self,
        container: AsyncContainer,
        jobs: Sequence[ScheduledJob],
        leases: JobLeases,
        clock: Clock,
        *,
        tick_seconds: float = 15.0,
        lease: timedelta = timedelta(minutes=15),
        retry_after: timedelta = timedelta(minutes=1),
    ) -> None:
        self._container, self._jobs, self._leases, self._clock = container, jobs, leases, clock
        self._tick, self._lease, self._retry_after = tick_seconds, lease, retry_after
        self._settled: dict[str, str] = {}  # job -> run key known to be done: no database round trip

    @classmethod
    async def of(cls, container: AsyncContainer, jobs: Sequence[ScheduledJob], **options) -> Scheduler:
        sessions = await container.get(async_sessionmaker[AsyncSession])
        leases = JobLeases(sessions, process_name())
        return cls(container, jobs, leases, await container.get(Clock), **options)

    async def run_due(self) -> list[str]:
        """One pass: run each due job whose lease this process takes; returns the jobs it ran."""
        ran = []
        for job in self._jobs:
            now = self._clock.now()
            key = job.schedule.run_key(now)
            if self._settled.get(job.name) == key:
                continue
            taken = await self._leases.take(job.name, key, now, self._lease)
            if taken is Lease.DONE:
                self._settled[job.name] = key
            if taken is not Lease.TAKEN:
                continue
            try:
                outcome = await job.run(self._container, key)
            except Exception:  # noqa: BLE001 - a job logs and is tried again after retry_after
                log.exception("scheduled job %s (%s) failed", job.name, key)
                await self._leases.give_up(job.name, self._clock.now() + self._retry_after)
                continue
            await self._leases.finish(job.name, key, self._clock.now())
            self._settled[job.name] = key
            log.info("scheduled job %s (%s): %s", job.name, key, outcome)
            ran.append(job.name)
        return ran

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.run_due()
            except Exception:  # noqa: BLE001 - e.g. the database briefly gone: the next tick tries again
                log.exception("scheduler pass failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self._tick)


async def run_scheduler(container: AsyncContainer, stop: asyncio.Event) -> None:
    """The scheduled jobs of the settings, until ``stop`` is set (``gifthub worker`` and ``serve``)."""
    from gifthub.config import Settings
    from gifthub.entrypoints.jobs.billing_jobs import billing_jobs

    schedule = (await container.get(Settings)).schedule
    jobs = billing_jobs(schedule)
    if not jobs:
        return
    scheduler = await Scheduler.of(
        container, jobs, tick_seconds=schedule.tick_seconds, lease=timedelta(minutes=schedule.lease_minutes)
    )
    log.info("scheduler running: %s", ", ".join(job.name for job in jobs))
    await scheduler.run(stop)


def scheduler_lifespan(container: AsyncContainer) -> Callable[[object], AbstractAsyncContextManager]:
    """For ``gifthub serve``: the scheduled jobs run in-process when it is the in-process worker too
    (the single-process default); behind a load balancer, ``gifthub worker`` processes run them."""

    @contextlib.asynccontextmanager
    async def lifespan(_app) -> AsyncIterator[None]:
        from gifthub.config import Settings

        if not (await container.get(Settings)).in_process_worker:
            yield
            return
        stop = asyncio.Event()
        task = asyncio.create_task(run_scheduler(container, stop), name="scheduler")
        try:
            yield
        finally:
            stop.set()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(task, timeout=10)

    return lifespan
