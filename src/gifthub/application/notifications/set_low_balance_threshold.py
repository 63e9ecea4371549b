"""The project's people set the level below which they want a low-balance alert."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from gifthub.application.authorization import ensure_can_manage_finance
from gifthub.application.ports.messaging_unit_of_work import MessagingUnitOfWork
from gifthub.domain.errors import InvalidAmount
from gifthub.domain.identity import Principal
from gifthub.domain.low_balance import LowBalanceAlert
from gifthub.domain.money import Money


@dataclass(frozen=True)
class SetLowBalanceThresholdCommand:
    project_id: UUID
    threshold: Money


class SetLowBalanceThreshold:
    def __init__(self, uow: MessagingUnitOfWork) -> None:
        self._uow = uow

    async def execute(self, principal: Principal, command: SetLowBalanceThresholdCommand) -> LowBalanceAlert:
        async with self._uow as uow:
            project = await uow.projects.get(command.project_id)
            ensure_can_manage_finance(principal, project)
            if command.threshold.currency is not project.currency:
                raise InvalidAmount(f"the threshold must be in {project.currency}", field="currency")
            alert = await uow.low_balance.get(command.project_id, for_update=True)
            if alert is None:
                alert = LowBalanceAlert(command.project_id, command.threshold)
            alert.change_threshold(command.threshold)
            await uow.low_balance.save(alert)
            await uow.commit()
        return alert
