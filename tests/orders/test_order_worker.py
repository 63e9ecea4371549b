"""The worker buys each certificate once, follows it to a code and settles the money; crash-safe."""

from __future__ import annotations

import asyncio
from collections import Counter

from gifthub.application.accounts.get_project import GetProject
from gifthub.application.ordering.commands import DraftInput, LineInput, RecipientInput
from gifthub.application.ordering.create_order import CreateOrder, CreateOrderCommand
from gifthub.application.ordering.execute_certificates import ExecuteCertificates
from gifthub.application.ordering.get_order import GetOrder
from gifthub.application.ordering.list_certificates import ListCertificates
from gifthub.application.ordering.retry_certificate import RetryCertificate, RetryCertificateCommand
from gifthub.application.ordering.submit_order import SubmitOrder, SubmitOrderCommand
from gifthub.domain.order import OrderStatus
from gifthub.entrypoints.jobs.order_worker import run_order_worker


async def drain(app, clock, rounds: int = 60) -> None:
    """Run the worker until nothing is due even after every lease and backoff has passed."""
    idle = 0
    for _ in range(rounds):
        async with app.container() as request:
            done = await (await request.get(ExecuteCertificates)).run_once()
        if done:
            idle = 0
            continue
        idle += 1
        if idle == 2:
            return
        clock.advance(seconds=301)


async def queued_order(app, people: int = 3, product: str = "101", balance: str = "10000.00"):
    project = await app.project(balance=balance)
    recipients = tuple(RecipientInput(name=f"P{i}", email=f"p{i}@x.ru") for i in range(people))
    draft = DraftInput(sender_name="HR", lines=(LineInput(product, "1000.00", 1, recipients=recipients),))
    order = (await app.run(CreateOrder, CreateOrderCommand(project.id, draft))).order
    await app.run(SubmitOrder, SubmitOrderCommand(project.id, order.id))
    return project, order


async def certificates(app, project, order):
    return (await app.run(ListCertificates, project.id, order.id, limit=200, cursor=None)).items


async def test_buys_each_certificate_once_and_captures_exactly_what_was_bought(app, clock, giftery):
    giftery.polls_before_done = 2
    project, order = await queued_order(app)
    await drain(app, clock)
    done = await app.run(GetOrder, project.id, order.id)
    assert done.status is OrderStatus.COMPLETED
    items = await certificates(app, project, order)
    assert {c.state.value for c in items} == {"issued"}
    assert all(c.code.startswith("CODE-") and c.captured for c in items)
    assert sorted(giftery.make_order_calls) == sorted(str(c.purchase_key) for c in items)
    money = await app.run(GetProject, project.id)
    assert (money.balance.to_string(), money.held.to_string()) == ("6925.00", "0.00")  # 3 x 1025.00 spent


async def test_failed_certificates_keep_a_reason_release_their_share_and_retry_explicitly(app, clock, giftery):
    giftery.refuse_products = {"202"}
    project, order = await queued_order(app, people=2, product="202")
    await drain(app, clock)
    assert (await app.run(GetOrder, project.id, order.id)).status is OrderStatus.FAILED
    items = await certificates(app, project, order)
    assert {c.failure_reason for c in items} == {"Giftery refused the order: Product is inactive (code 17)"}
    money = await app.run(GetProject, project.id)
    assert (money.balance.to_string(), money.held.to_string()) == ("10000.00", "0.00")

    giftery.refuse_products = set()
    await app.run(RetryCertificate, RetryCertificateCommand(project.id, order.id, items[0].id))
    assert (await app.run(GetProject, project.id)).held.to_string() == "1025.00"
    await drain(app, clock)
    assert (await app.run(GetOrder, project.id, order.id)).status is OrderStatus.PARTIALLY_COMPLETED
    money = await app.run(GetProject, project.id)
    assert (money.balance.to_string(), money.held.to_string()) == ("8975.00", "0.00")


async def test_a_certificate_failing_at_giftery_after_it_was_taken(app, clock, giftery):
    giftery.fail_products = {"101"}
    project, order = await queued_order(app, people=1)
    await drain(app, clock)
    [item] = await certificates(app, project, order)
    assert item.state.value == "failed" and item.failure_reason == "Supplier rejected the order (code 42)"


async def test_ambiguous_make_order_is_reconciled_before_ordering_again(app, clock, giftery):
    giftery.timeouts_after_taking = 2  # taken, but we never heard back
    giftery.unavailable_before_taking = 1  # refused before taking: ordered again under the same uuid
    project, order = await queued_order(app, people=4)
    await drain(app, clock)
    assert (await app.run(GetOrder, project.id, order.id)).status is OrderStatus.COMPLETED
    items = await certificates(app, project, order)
    assert len(giftery.placed) == 4
    calls = Counter(giftery.make_order_calls)
    assert sorted(calls.values()) == [1, 1, 1, 2]  # only the one Giftery never took was sent twice
    assert giftery.duplicate_orders == []
    assert {str(c.purchase_key) for c in items} == set(calls)


async def test_crash_in_the_middle_resumes_without_buying_twice(app, clock, giftery):
    giftery.delay = 0.05
    project, order = await queued_order(app, people=12, balance="20000.00")
    worker = asyncio.create_task(run_order_worker(app.container, idle_seconds=0.01))
    for _ in range(400):
        if len(giftery.make_order_calls) >= 3:
            break
        await asyncio.sleep(0.005)
    worker.cancel()
    try:
        await worker
    except asyncio.CancelledError:
        pass
    # Giftery took orders whose answers the dead worker never recorded: the worst moment to crash.
    assert giftery.placed
    states = Counter(c.state.value for c in await certificates(app, project, order))
    assert states["ordering"] >= len(giftery.placed)

    giftery.delay = 0
    clock.advance(seconds=600)  # the dead worker's leases run out
    await drain(app, clock)
    assert (await app.run(GetOrder, project.id, order.id)).status is OrderStatus.COMPLETED
    assert len(giftery.placed) == 12
    assert set(Counter(giftery.make_order_calls).values()) == {1}  # exactly one order per certificate
    assert giftery.duplicate_orders == []
    money = await app.run(GetProject, project.id)
    assert (money.balance.to_string(), money.held.to_string()) == ("7700.00", "0.00")


async def test_several_workers_never_buy_the_same_certificate(app, clock, giftery):
    giftery.delay = 0.01
    project, order = await queued_order(app, people=15, balance="20000.00")
    stop = asyncio.Event()
    workers = [asyncio.create_task(run_order_worker(app.container, stop=stop, idle_seconds=0.01)) for _ in range(3)]
    try:
        for _ in range(1000):
            if (await app.run(GetOrder, project.id, order.id)).status is OrderStatus.COMPLETED:
                break
            clock.advance(seconds=5)  # let status checks come due
            await asyncio.sleep(0.01)
    finally:
        stop.set()
        await asyncio.gather(*workers)
    assert (await app.run(GetOrder, project.id, order.id)).status is OrderStatus.COMPLETED
    assert len(giftery.placed) == 15 and giftery.duplicate_orders == []
    assert set(Counter(giftery.make_order_calls).values()) == {1}


async def test_scheduled_delivery_waits_for_its_moment(app, clock, giftery):
    from datetime import timedelta

    from gifthub.application.ordering.refresh_delivery_statuses import RefreshDeliveryStatuses

    giftery.polls_before_done = 0
    project = await app.project(balance="5000.00")
    moment = clock.now() + timedelta(days=2)
    recipients = (RecipientInput(name="A", email="a@x.ru"),)
    draft = DraftInput(lines=(LineInput("101", "1000.00", 1, recipients=recipients, scheduled_at=moment),))
    order = (await app.run(CreateOrder, CreateOrderCommand(project.id, draft))).order
    await app.run(SubmitOrder, SubmitOrderCommand(project.id, order.id))
    async with app.container() as request:
        await (await request.get(ExecuteCertificates)).run_once()  # bought at once, sent by Giftery later
    clock.advance(seconds=2)  # the first status check comes due
    async with app.container() as request:
        await (await request.get(ExecuteCertificates)).run_once()
    [item] = await certificates(app, project, order)
    assert (item.state.value, item.delivery_status.value) == ("issued", "waiting")
    assert giftery.placed[str(item.purchase_key)].request.date_send == moment

    clock.advance(days=3)
    async with app.container() as request:
        assert await (await request.get(RefreshDeliveryStatuses)).run_once() == 1
    [item] = await certificates(app, project, order)
    assert item.delivery_status.value == "sent"
