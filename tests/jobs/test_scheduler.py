"""The scheduler: each run once across processes (a lease row), taken over when its holder died, and the
billing jobs running by themselves inside the single-process server."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gifthub.adapters.persistence.job_leases import JobLeases, Lease
from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.config_schedule import ScheduleSettings
from gifthub.entrypoints.http.app import create_app, http_providers
from gifthub.entrypoints.jobs.scheduler import DailyAt, Every, ScheduledJob, Scheduler
from gifthub.ioc import make_container
from tests.conftest import AUTH, clock_provider
from tests.http.helpers import new_project

pytestmark = pytest.mark.timeout(120)
HOUR = Every(timedelta(hours=1))


def _counting_job(runs: list[str], schedule=HOUR) -> ScheduledJob:
    async def body(_container, key: str) -> str:
        runs.append(key)
        await asyncio.sleep(0.2)  # long enough for the other scheduler to try meanwhile
        return "counted"

    return ScheduledJob("test.counting", schedule, body)


async def _scheduler(container, job: ScheduledJob, clock, holder: str) -> Scheduler:
    sessions = await container.get(async_sessionmaker[AsyncSession])
    return Scheduler(container, [job], JobLeases(sessions, holder), clock, lease=timedelta(minutes=5))


async def test_two_schedulers_racing_run_each_due_job_once(settings, clock):
    runs: list[str] = []
    job = _counting_job(runs)
    # Two containers: two engines and pools, as two worker processes would have.
    first, second = make_container(settings, clock_provider(clock)), make_container(settings, clock_provider(clock))
    try:
        a = await _scheduler(first, job, clock, "worker-a")
        b = await _scheduler(second, job, clock, "worker-b")
        ran = await asyncio.gather(a.run_due(), b.run_due())
        assert sorted(len(names) for names in ran) == [0, 1] and len(runs) == 1
        assert await asyncio.gather(a.run_due(), b.run_due()) == [[], []]  # that hour's run is done
        clock.advance(hours=1)
        await asyncio.gather(a.run_due(), b.run_due())
        assert len(runs) == 2 and runs[0] != runs[1]
    finally:
        await first.close()
        await second.close()


async def test_a_run_whose_holder_died_is_taken_over_when_its_lease_expires(container, clock):
    runs: list[str] = []
    job = _counting_job(runs)
    sessions = await container.get(async_sessionmaker[AsyncSession])
    dead = JobLeases(sessions, "worker-that-died")
    assert await dead.take(job.name, HOUR.run_key(clock.now()), clock.now(), timedelta(minutes=5)) is Lease.TAKEN
    survivor = await _scheduler(container, job, clock, "worker-b")
    assert await survivor.run_due() == [] and runs == []
    clock.advance(minutes=5)
    assert await survivor.run_due() == ["test.counting"] and len(runs) == 1


async def test_a_failed_run_is_tried_again_after_a_pause(container, clock):
    attempts: list[str] = []

    async def flaky(_container, key: str) -> str:
        attempts.append(key)
        if len(attempts) == 1:
            raise RuntimeError("the database went away")
        return "done"

    sessions = await container.get(async_sessionmaker[AsyncSession])
    scheduler = Scheduler(container, [ScheduledJob("test.flaky", HOUR, flaky)], JobLeases(sessions, "w"), clock)
    assert await scheduler.run_due() == [] and len(attempts) == 1
    assert await scheduler.run_due() == [] and len(attempts) == 1  # not at once
    clock.advance(minutes=1)
    assert await scheduler.run_due() == ["test.flaky"] and len(attempts) == 2


def test_a_daily_run_is_named_by_the_local_day_it_is_due_on():
    daily = DailyAt(time(0, 30), ZoneInfo("Europe/Moscow"))
    assert daily.run_key(datetime(2026, 11, 1, 21, 29, tzinfo=UTC)) == "2026-11-01"  # 00:29 in Moscow
    assert daily.run_key(datetime(2026, 11, 1, 21, 30, tzinfo=UTC)) == "2026-11-02"  # 00:30 in Moscow


async def _outbox_events(container, name: str) -> list[dict]:
    engine = await container.get(AsyncEngine)
    async with engine.connect() as connection:
        rows = await connection.execute(select(outbox.c.payload).where(outbox.c.event_name == name))
        return [json.loads(payload) for (payload,) in rows]


async def test_the_single_process_server_expires_invoices_and_sends_the_registry_by_itself(settings, clock):
    from tests.http.test_billing_api import _invoice, _seller

    settings = replace(settings, in_process_worker=True, schedule=replace(ScheduleSettings(), tick_seconds=0.05))
    container = make_container(settings, *http_providers(), clock_provider(clock))
    # The test client runs the app in a loop of its own: read through a container of our own.
    reader = make_container(settings, clock_provider(clock))
    async with AsyncTestClient(app=create_app(settings, container)) as client:
        client.headers.update(AUTH)
        await _seller(client)
        project = await new_project(client)
        invoice = await _invoice(client, project["id"], "1500.00")

        async def registry_of(day: str) -> bool:
            return any(p["day"] == day for p in await _outbox_events(reader, "billing.invoice_registry"))

        await _eventually(lambda: registry_of("2026-10-31"))  # 12:00 in Moscow: yesterday's is due
        clock.advance(days=1)  # 2026-11-02 12:00 Moscow: the registry of the day the invoice was issued
        await _eventually(lambda: registry_of("2026-11-01"))
        (registry,) = [p for p in await _outbox_events(reader, "billing.invoice_registry") if p["count"] == 1]
        assert invoice["number"] in registry["csv"]

        clock.advance(days=6)  # past the invoice's term

        async def expired() -> bool:
            answer = await client.get(f"/api/v1/invoices/{invoice['id']}")
            return answer.json()["status"] == "expired"

        await _eventually(expired)
    registries = [p["day"] for p in await _outbox_events(reader, "billing.invoice_registry")]
    await reader.close()
    assert sorted(registries) == ["2026-10-31", "2026-11-01", "2026-11-07"]  # each day once, however many ticks


async def _eventually(check, within: float = 20.0) -> None:
    for _ in range(int(within / 0.05)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the scheduled job did not run")


def test_schedule_settings_come_from_the_environment_and_bad_values_are_named():
    from gifthub.config import Settings, SettingsError

    schedule = Settings.from_env(
        {"GIFTHUB_INVOICE_REGISTRY_AT": "01:15", "GIFTHUB_CREDIT_PENDING_MINUTES": "0"}
    ).schedule
    assert schedule.invoice_registry_at == time(1, 15) and schedule.credit_pending_minutes == 0
    assert Settings.from_env({"GIFTHUB_INVOICE_REGISTRY_AT": "off"}).schedule.invoice_registry_at is None
    for name, value in [("GIFTHUB_INVOICE_REGISTRY_AT", "25:00"), ("GIFTHUB_EXPIRE_INVOICES_MINUTES", "-1")]:
        with pytest.raises(SettingsError, match=name):
            Settings.from_env({name: value})
