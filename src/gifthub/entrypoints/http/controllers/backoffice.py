"""The back-office search box (platform staff): cabinets, projects, companies and users at once."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, get
from litestar.params import Parameter

from gifthub.application.backoffice.search_everything import KINDS, SearchEverything
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.application.ports.backoffice_search import Found
from gifthub.domain.identity import Principal


class FoundOut(msgspec.Struct, frozen=True):
    kind: str
    id: UUID
    label: str
    detail: str
    cabinet_ids: list[UUID]

    @classmethod
    def of(cls, found: Found) -> FoundOut:
        return cls(found.kind, found.id, found.label, found.detail, list(found.cabinet_ids))


class SearchOut(msgspec.Struct, frozen=True):
    cabinets: list[FoundOut]
    projects: list[FoundOut]
    companies: list[FoundOut]
    users: list[FoundOut]


class BackofficeSearchController(Controller):
    path = "/backoffice/search"
    tags = ["backoffice"]

    @get("/", summary="Find cabinets, projects (name or B2B code), companies (name or tax id) and users (email)")
    async def search(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[SearchEverything],
        q: Annotated[str, Parameter(description="at least 2 characters; case-insensitive")],
        kind: Annotated[list[str] | None, Parameter(description=f"narrow to some of: {', '.join(KINDS)}")] = None,
        limit: Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="per kind")] = DEFAULT_LIMIT,
    ) -> SearchOut:
        found = await use_case.execute(principal, q, limit, tuple(kind) if kind else KINDS)
        return SearchOut(
            cabinets=[FoundOut.of(f) for f in found.cabinets],
            projects=[FoundOut.of(f) for f in found.projects],
            companies=[FoundOut.of(f) for f in found.companies],
            users=[FoundOut.of(f) for f in found.users],
        )
