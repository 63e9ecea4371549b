"""Idempotency-Key handling shared by create and submit: replay the original answer, refuse a new payload."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ordering.commands import Idempotency
from gifthub.application.ordering.errors import IdempotencyKeyReused
from gifthub.application.ports.order_idempotency_store import IdempotencyRecord
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal
from gifthub.domain.order import Order


@dataclass(frozen=True)
class OrderOutcome:
    order: Order
    replayed: bool = False
    status_code: int = 0  # of the original answer, when replayed
    response: str = ""  # the original body, when it was stored


def scope_of(operation: str, principal: Principal, project_id: UUID) -> str:
    return f"{operation}:{principal}:{project_id}"[:200]


async def replay(uow: OrdersUnitOfWork, scope: str, idempotency: Idempotency | None) -> OrderOutcome | None:
    if idempotency is None:
        return None
    record = await uow.order_keys.get(scope, idempotency.key)
    if record is None:
        return None
    if record.request_hash != idempotency.request_hash:
        raise IdempotencyKeyReused(
            "this Idempotency-Key was already used with a different request", field="Idempotency-Key"
        )
    order = await uow.orders.get(record.order_id)
    if order is None:  # the draft was deleted since: the key stays spent
        raise IdempotencyKeyReused("this Idempotency-Key belongs to an order that was deleted", field="Idempotency-Key")
    return OrderOutcome(order, replayed=True, status_code=record.status_code, response=record.response)


async def remember(uow: OrdersUnitOfWork, scope: str, idempotency: Idempotency | None, order: Order) -> None:
    if idempotency is not None:
        await uow.order_keys.add(IdempotencyRecord(scope, idempotency.key, idempotency.request_hash, order.id))
