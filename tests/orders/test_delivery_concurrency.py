"""Several workers on PostgreSQL deliver due certificates concurrently: each certificate is emailed once."""

from __future__ import annotations

import asyncio
import json
from collections import Counter

import pytest
from sqlalchemy import text

from gifthub.adapters.persistence.engine import create_engine
from gifthub.application.ordering.commands import DraftInput, LineInput, RecipientInput
from gifthub.application.ordering.create_order import CreateOrder, CreateOrderCommand
from gifthub.application.ordering.deliver_due_certificates import DeliverDueCertificates
from gifthub.application.ordering.submit_order import SubmitOrder, SubmitOrderCommand
from gifthub.domain.delivery import delivery_key
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.orders.test_order_worker import certificates, drain

pytestmark = pytest.mark.postgres

PEOPLE = 24


@pytest.fixture
def database_url(pg_url) -> str:
    return pg_url


async def worker(container, sent: list[int]) -> None:
    """One worker process's delivery job, in small batches so the two overlap many times."""
    while True:
        async with container() as request:
            done = await (await request.get(DeliverDueCertificates)).run_once(limit=3)
        if not done:
            return
        sent.append(done)
        await asyncio.sleep(0)


async def test_two_workers_claiming_due_deliveries_email_each_certificate_once(
    app, clock, giftery, settings, fake_ports
):
    giftery.polls_before_done = 0
    project = await app.project(balance="50000.00")
    people = tuple(RecipientInput(name=f"P{i}", email=f"p{i}@x.ru") for i in range(PEOPLE))
    draft = DraftInput(lines=(LineInput("101", "1000.00", 1, recipients=people),), delivered_by="gifthub")
    order = (await app.run(CreateOrder, CreateOrderCommand(project.id, draft))).order
    await app.run(SubmitOrder, SubmitOrderCommand(project.id, order.id))
    await drain(app, clock)  # bought and issued; the deliveries are all due now
    issued = await certificates(app, project, order)
    assert {c.delivery_status.value for c in issued} == {"waiting"}

    # Two containers, two connection pools: as two `gifthub worker` processes.
    containers = [make_container(settings, clock_provider(clock), fake_ports) for _ in range(2)]
    counts: list[list[int]] = [[], []]
    try:
        await asyncio.gather(*(worker(c, sent) for c, sent in zip(containers, counts, strict=True)))
    finally:
        for container in containers:
            await container.close()

    assert sum(map(sum, counts)) == PEOPLE
    engine = create_engine(settings.database_url)
    try:
        async with engine.connect() as connection:
            query = text("select payload from outbox where event_name = 'email.requested'")
            keys = Counter(json.loads(row[0])["dedup_key"] for row in await connection.execute(query))
    finally:
        await engine.dispose()
    assert keys == Counter({delivery_key(c.id): 1 for c in issued})
    assert {c.delivery_status.value for c in await certificates(app, project, order)} == {"sent"}
