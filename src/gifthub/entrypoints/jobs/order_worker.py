"""The order worker loop: in-process for ``make run``, or the body of a ``gifthub worker`` process."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

from dishka import AsyncContainer

from gifthub.application.ordering.complete_delivered_orders import CompleteDeliveredOrders
from gifthub.application.ordering.deliver_due_certificates import DeliverDueCertificates
from gifthub.application.ordering.execute_certificates import ExecuteCertificates
from gifthub.application.ordering.refresh_delivery_statuses import RefreshDeliveryStatuses

log = logging.getLogger("gifthub.orders.worker")


async def work_once(container: AsyncContainer) -> int:
    """One pass of the worker: buy and follow certificates, then deliver what is due (Giftery's
    scheduled ones are marked sent, GiftHub's own are emailed), then complete the scheduled orders
    nothing waits in any more. Returns how much was done."""
    async with container() as request:
        done = await (await request.get(ExecuteCertificates)).run_once()
        await (await request.get(RefreshDeliveryStatuses)).run_once()
        done += await (await request.get(DeliverDueCertificates)).run_once()
        await (await request.get(CompleteDeliveredOrders)).run_once()
        return done


async def run_order_worker(
    container: AsyncContainer, *, stop: asyncio.Event | None = None, idle_seconds: float = 1.0
) -> None:
    """Buy and follow certificates until ``stop`` is set (or the task is cancelled). Safe to run in
    several processes on PostgreSQL: claims skip rows another worker holds, and leases expire."""
    stop = stop or asyncio.Event()
    while not stop.is_set():
        try:
            done = await work_once(container)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - one bad batch must not stop the worker; it is logged
            log.exception("order worker batch failed")
            done = 0
        if done == 0:
            try:
                await asyncio.wait_for(stop.wait(), timeout=idle_seconds)
            except TimeoutError:
                pass


def order_worker_lifespan(container: AsyncContainer) -> Callable[[object], AbstractAsyncContextManager]:
    """For ``gifthub serve``: execute orders in-process while the app runs (when the settings say so)."""

    @contextlib.asynccontextmanager
    async def lifespan(_app) -> AsyncIterator[None]:
        from gifthub.config import Settings

        if not (await container.get(Settings)).in_process_worker:
            yield
            return
        stop = asyncio.Event()
        task = asyncio.create_task(run_order_worker(container, stop=stop), name="order-worker")
        try:
            yield
        finally:
            stop.set()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, timeout=10)

    return lifespan
