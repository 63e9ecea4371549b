from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get, post, put
from litestar.params import FromPath, JSONBody, Parameter, QueryParameter

from gifthub.application.accounts.adjust_balance import AdjustBalance, AdjustBalanceCommand
from gifthub.application.accounts.change_negative_limit import ChangeNegativeLimit, ChangeNegativeLimitCommand
from gifthub.application.accounts.get_hold import GetHold
from gifthub.application.accounts.get_project import GetProject
from gifthub.application.accounts.list_ledger_entries import LedgerQuery, ListLedgerEntries
from gifthub.application.accounts.list_projects import ListProjects
from gifthub.application.accounts.place_hold import PlaceHold, PlaceHoldCommand
from gifthub.application.accounts.posting import Posted
from gifthub.application.accounts.settle_hold import CaptureHold, ReleaseHold, SettleHoldCommand
from gifthub.application.accounts.top_up_project import TopUpCommand, TopUpProject
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.domain.errors import InvalidAmount
from gifthub.domain.identity import Principal
from gifthub.domain.ledger import EntryKind
from gifthub.domain.money import Money, parse_currency
from gifthub.entrypoints.http.schemas.accounts import (
    AdjustmentIn,
    BalanceOut,
    EntryOut,
    EntryPage,
    HoldIn,
    HoldOut,
    NegativeLimitIn,
    PostingOut,
    ProjectOut,
    ProjectPage,
    SettleIn,
    TopUpIn,
    money_in,
)

Limit = Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="page size")]
Cursor = Annotated[str | None, Parameter(description="next_cursor of the previous page")]


def _posting(posted: Posted) -> Response[PostingOut]:
    body = PostingOut(
        entry=EntryOut.of(posted.entry),
        balance=BalanceOut.of(posted.project),
        replayed=posted.replayed,
        hold=HoldOut.of(posted.hold) if posted.hold is not None else None,
    )
    # 201 for a new ledger line; 200 when the same reference was replayed and nothing changed.
    return Response(body, status_code=200 if posted.replayed else 201)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


class ProjectController(Controller):
    path = "/projects"
    tags = ["projects"]

    @get("/", summary="List projects visible to the caller")
    async def list_projects(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListProjects],
        cabinet_id: Annotated[UUID | None, QueryParameter(description="only this cabinet")] = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> ProjectPage:
        page = await use_case.execute(principal, cabinet_id=cabinet_id, limit=limit, cursor=cursor)
        return ProjectPage(items=[ProjectOut.of(p) for p in page.items], next_cursor=page.next_cursor)

    @get("/{project_id:uuid}", summary="A project with its balance")
    async def get_project(
        self, project_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[GetProject]
    ) -> ProjectOut:
        return ProjectOut.of(await use_case.execute(principal, project_id))

    @get("/{project_id:uuid}/balance", summary="Posted balance, held, negative-balance limit and available")
    async def get_balance(
        self, project_id: FromPath[UUID], principal: FromDishka[Principal], use_case: FromDishka[GetProject]
    ) -> BalanceOut:
        return BalanceOut.of(await use_case.execute(principal, project_id))

    @put("/{project_id:uuid}/negative-limit", summary="Set the negative-balance limit (platform administrators)")
    async def change_limit(
        self,
        project_id: FromPath[UUID],
        data: JSONBody[NegativeLimitIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[ChangeNegativeLimit],
    ) -> ProjectOut:
        limit = money_in(data.amount, data.currency)
        command = ChangeNegativeLimitCommand(project_id=project_id, negative_limit=limit)
        return ProjectOut.of(await use_case.execute(principal, command))

    @post("/{project_id:uuid}/top-ups", summary="Credit a confirmed payment (idempotent on its reference)")
    async def top_up(
        self,
        project_id: FromPath[UUID],
        data: JSONBody[TopUpIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[TopUpProject],
    ) -> Response[PostingOut]:
        command = TopUpCommand(project_id, money_in(data.amount, data.currency), data.reference.to_domain())
        return _posting(await use_case.execute(principal, command))

    @post("/{project_id:uuid}/adjustments", summary="Manual correction (platform administrators)")
    async def adjust(
        self,
        project_id: FromPath[UUID],
        data: JSONBody[AdjustmentIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[AdjustBalance],
    ) -> Response[PostingOut]:
        if not data.comment.strip():
            raise InvalidAmount("a reason is required", field="comment")
        command = AdjustBalanceCommand(
            project_id, money_in(data.amount, data.currency), data.reference.to_domain(), data.comment
        )
        return _posting(await use_case.execute(principal, command))

    @post("/{project_id:uuid}/holds", summary="Reserve funds within available (idempotent on its reference)")
    async def place_hold(
        self,
        project_id: FromPath[UUID],
        data: JSONBody[HoldIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[PlaceHold],
    ) -> Response[PostingOut]:
        command = PlaceHoldCommand(project_id, money_in(data.amount, data.currency), data.reference.to_domain())
        return _posting(await use_case.execute(principal, command))

    @get("/{project_id:uuid}/holds/{hold_id:uuid}", summary="One hold with what remains of it")
    async def get_hold(
        self,
        project_id: FromPath[UUID],
        hold_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[GetHold],
    ) -> HoldOut:
        return HoldOut.of(await use_case.execute(principal, project_id, hold_id))

    @post("/{project_id:uuid}/holds/{hold_id:uuid}/capture", summary="Spend all or part of a hold")
    async def capture(
        self,
        project_id: FromPath[UUID],
        hold_id: FromPath[UUID],
        data: JSONBody[SettleIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[CaptureHold],
    ) -> Response[PostingOut]:
        return _posting(await use_case.execute(principal, _settle(project_id, hold_id, data)))

    @post("/{project_id:uuid}/holds/{hold_id:uuid}/release", summary="Give back all or part of a hold")
    async def release(
        self,
        project_id: FromPath[UUID],
        hold_id: FromPath[UUID],
        data: JSONBody[SettleIn],
        principal: FromDishka[Principal],
        use_case: FromDishka[ReleaseHold],
    ) -> Response[PostingOut]:
        return _posting(await use_case.execute(principal, _settle(project_id, hold_id, data)))

    @get("/{project_id:uuid}/ledger", summary="Ledger entries, newest first, by period and kind")
    async def ledger(
        self,
        project_id: FromPath[UUID],
        principal: FromDishka[Principal],
        use_case: FromDishka[ListLedgerEntries],
        kind: Annotated[list[EntryKind] | None, Parameter(description="repeat to combine kinds")] = None,
        since: Annotated[datetime | None, Parameter(description="inclusive; UTC if no offset")] = None,
        until: Annotated[datetime | None, Parameter(description="exclusive; UTC if no offset")] = None,
        limit: Limit = DEFAULT_LIMIT,
        cursor: Cursor = None,
    ) -> EntryPage:
        query = LedgerQuery(
            project_id=project_id,
            kinds=frozenset(kind) if kind else None,
            since=_aware(since),
            until=_aware(until),
            limit=limit,
            cursor=cursor,
        )
        page = await use_case.execute(principal, query)
        return EntryPage(items=[EntryOut.of(e) for e in page.items], next_cursor=page.next_cursor)


def _settle(project_id: FromPath[UUID], hold_id: FromPath[UUID], data: SettleIn) -> SettleHoldCommand:
    amount: Money | None = money_in(data.amount, data.currency) if data.amount is not None else None
    if amount is None:
        parse_currency(data.currency)  # still refuse a bad currency when the amount is omitted
    return SettleHoldCommand(project_id, hold_id, amount, data.reference.to_domain())
