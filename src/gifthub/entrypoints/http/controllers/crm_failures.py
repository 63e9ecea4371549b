from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, get
from litestar.params import Parameter

from gifthub.application.crm.list_crm_failures import ListCrmFailures
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.domain.crm import CrmFailure
from gifthub.domain.identity import Principal


class CrmFailureOut(msgspec.Struct, frozen=True):
    id: UUID
    origin_id: str
    title: str
    error_code: str
    error_description: str
    attempts: int
    failed_at: datetime

    @classmethod
    def of(cls, failure: CrmFailure) -> CrmFailureOut:
        return cls(
            failure.id, failure.origin_id, failure.title, failure.error_code, failure.error_description,
            failure.attempts, failure.failed_at,
        )  # fmt: skip


class CrmFailurePage(msgspec.Struct, frozen=True):
    items: list[CrmFailureOut]
    next_cursor: str | None


class CrmFailureController(Controller):
    path = "/backoffice/crm-failures"
    tags = ["backoffice"]

    @get("/", summary="Leads Bitrix24 refused for good (platform staff)")
    async def list_failures(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListCrmFailures],
        limit: Annotated[int, Parameter(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
        cursor: Annotated[str | None, Parameter(description="next_cursor of the previous page")] = None,
    ) -> CrmFailurePage:
        page = await use_case.execute(principal, limit=limit, cursor=cursor)
        return CrmFailurePage(items=[CrmFailureOut.of(f) for f in page.items], next_cursor=page.next_cursor)
