from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ordering.idempotency import scope_of
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.domain.identity import Principal


@dataclass(frozen=True)
class RecordIdempotentResponseCommand:
    operation: str  # "create", "quick" or "submit"
    project_id: UUID
    key: str
    status_code: int
    response: str


class RecordIdempotentResponse:
    """Keep the first answer given under an Idempotency-Key so a replay returns it byte for byte.
    The key itself was stored with the order's change; until this runs a replay renders the order."""

    def __init__(self, uow: OrdersUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, command: RecordIdempotentResponseCommand) -> None:
        async with self._uow as uow:
            scope = scope_of(command.operation, principal, command.project_id)
            await uow.order_keys.set_response(scope, command.key, command.status_code, command.response)
            await uow.commit()
