"""PUT /projects/{id}/low-balance-threshold: below this available amount the project gets an alert."""

from __future__ import annotations

from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, put
from litestar.params import FromPath, JSONBody

from gifthub.application.notifications.set_low_balance_threshold import (
    SetLowBalanceThreshold,
    SetLowBalanceThresholdCommand,
)
from gifthub.domain.identity import Principal
from gifthub.domain.money import Money
from gifthub.entrypoints.http.schemas.notifications import ThresholdIn, ThresholdOut


class LowBalanceController(Controller):
    path = "/projects/{project_id:uuid}/low-balance-threshold"
    tags = ["notifications"]

    @put("/", summary="Set the low-balance alert threshold of a project")
    async def set_threshold(
        self,
        project_id: FromPath[UUID],
        data: JSONBody[ThresholdIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[SetLowBalanceThreshold],
    ) -> ThresholdOut:
        threshold = Money.parse(data.amount, data.currency, field="amount")
        alert = await use_case.execute(principal, SetLowBalanceThresholdCommand(project_id, threshold))
        return ThresholdOut(alert.project_id, alert.threshold.to_string(), alert.threshold.currency.value)
