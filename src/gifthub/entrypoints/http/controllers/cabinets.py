from __future__ import annotations

from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody, Parameter

from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.accounts.get_cabinet import GetCabinet
from gifthub.application.accounts.list_cabinets import ListCabinets
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.domain.identity import Principal
from gifthub.domain.region import parse_region
from gifthub.entrypoints.http.schemas.accounts import (
    CabinetOut,
    CabinetPage,
    CreateCabinetIn,
    CreateProjectIn,
    ProjectOut,
)

Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="page size")]
Cursor = Annotated[str | None, Parameter(description="next_cursor of the previous page")]


class CabinetController(Controller):
    path = "/cabinets"
    tags = ["cabinets"]

    @post("/", summary="Open a cabinet (platform administrators)")
    async def create(
        self, data: JSONBody[CreateCabinetIn], principal: FromDishka[Principal], use_case: FromDishka[CreateCabinet]
    ) -> CabinetOut:
        return CabinetOut.of(await use_case.execute(principal, CreateCabinetCommand(name=data.name)))

    @get("/", summary="List cabinets visible to the caller")
    async def list_cabinets(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListCabinets],
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> CabinetPage:
        page = await use_case.execute(principal, limit=limit, cursor=cursor)
        return CabinetPage(items=[CabinetOut.of(c) for c in page.items], next_cursor=page.next_cursor)

    @get("/{cabinet_id:uuid}", summary="One cabinet")
    async def get_cabinet(
        self, cabinet_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[GetCabinet]
    ) -> CabinetOut:
        return CabinetOut.of(await use_case.execute(principal, cabinet_id))

    @post("/{cabinet_id:uuid}/projects", summary="Create a project with a new B2B code")
    async def create_project(
        self,
        cabinet_id: FromPath[UUID],
        data: JSONBody[CreateProjectIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[CreateProject],
    ) -> ProjectOut:
        command = CreateProjectCommand(cabinet_id=cabinet_id, name=data.name, region=parse_region(data.region))
        return ProjectOut.of(await use_case.execute(principal, command))
