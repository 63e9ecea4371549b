"""The audit trail as JSON pages and as a CSV export, in the reader's time zone when asked."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

import msgspec
from dishka.integrations.litestar import FromDishka
from litestar import Controller, Response, get
from litestar.params import QueryParameter

from gifthub.application.identity.list_audit import ListAudit
from gifthub.application.pagination import DEFAULT_LIMIT, MAX_LIMIT
from gifthub.application.ports.audit_repository import AuditQuery
from gifthub.domain.audit import AuditRecord
from gifthub.domain.identity import Principal
from gifthub.domain.time_zone import check_time_zone, in_zone

CSV_COLUMNS = ["created_at", "actor", "on_behalf_of", "action", "cabinet_id", "target", "ip", "before", "after"]
EXPORT_ROWS = 10_000


class AuditOut(msgspec.Struct, frozen=True):
    id: UUID
    created_at: datetime
    actor: str
    on_behalf_of: str
    action: str
    cabinet_id: UUID | None
    target: str
    ip: str
    before: dict
    after: dict

    @classmethod
    def of(cls, record: AuditRecord, zone: str) -> AuditOut:
        return cls(
            id=record.id,
            created_at=in_zone(record.created_at, zone),
            actor=record.actor,
            on_behalf_of=record.on_behalf_of,
            action=record.action,
            cabinet_id=record.cabinet_id,
            target=record.target,
            ip=record.ip,
            before=msgspec.json.decode(record.before_state),
            after=msgspec.json.decode(record.after_state),
        )


class AuditPage(msgspec.Struct, frozen=True):
    items: list[AuditOut]
    next_cursor: str | None


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


CabinetFilter = Annotated[UUID | None, QueryParameter(description="one cabinet (required for owners)")]
ActionFilter = Annotated[str | None, QueryParameter(max_length=64, description="e.g. auth.sign_in")]
ActorFilter = Annotated[str | None, QueryParameter(max_length=100, description="e.g. user:<id>")]
Since = Annotated[datetime | None, QueryParameter(description="inclusive; UTC if no offset")]
Until = Annotated[datetime | None, QueryParameter(description="exclusive; UTC if no offset")]
Zone = Annotated[str, QueryParameter(max_length=64, description="show times in this IANA zone")]


class AuditController(Controller):
    path = "/audit"
    tags = ["audit"]

    @get("/", summary="The audit trail, oldest first (cabinet owner: its cabinet; platform staff: all)")
    async def list_audit(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListAudit],
        cabinet_id: CabinetFilter = None,
        action: ActionFilter = None,
        actor: ActorFilter = None,
        since: Since = None,
        until: Until = None,
        time_zone: Zone = "UTC",
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
        cursor: Annotated[str | None, QueryParameter(max_length=200)] = None,
    ) -> AuditPage:
        zone = check_time_zone(time_zone)
        query = AuditQuery(cabinet_id, action, actor, _aware(since), _aware(until))
        page = await use_case.execute(principal, query, limit=limit, cursor=cursor)
        return AuditPage(items=[AuditOut.of(r, zone) for r in page.items], next_cursor=page.next_cursor)

    @get("/export.csv", summary="The same filters as a CSV file (at most 10 000 rows)", media_type="text/csv")
    async def export(
        self,
        principal: FromDishka[Principal],
        use_case: FromDishka[ListAudit],
        cabinet_id: CabinetFilter = None,
        action: ActionFilter = None,
        actor: ActorFilter = None,
        since: Since = None,
        until: Until = None,
        time_zone: Zone = "UTC",
    ) -> Response[str]:
        zone = check_time_zone(time_zone)
        query = AuditQuery(cabinet_id, action, actor, _aware(since), _aware(until))
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        cursor, written = None, 0
        while written < EXPORT_ROWS:
            page = await use_case.execute(principal, query, limit=MAX_LIMIT, cursor=cursor)
            for r in page.items:
                writer.writerow(
                    [
                        in_zone(r.created_at, zone).isoformat(),
                        r.actor,
                        r.on_behalf_of,
                        r.action,
                        r.cabinet_id or "",
                        r.target,
                        r.ip,
                        r.before_state,
                        r.after_state,
                    ]
                )
            written += len(page.items)
            cursor = page.next_cursor
            if cursor is None:
                break
        headers = {"Content-Disposition": 'attachment; filename="audit.csv"'}
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
