from __future__ import annotations

import hashlib
from dataclasses import dataclass
from uuid import UUID

from gifthub.application.ordering.access import order_for, project_for
from gifthub.application.ordering.errors import InvalidUpload
from gifthub.application.ordering.lines import LineBuilder
from gifthub.application.ordering.preparation import orderer_zone
from gifthub.application.ordering.sheet_check import SheetCheck, SheetChecker
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.clock import Clock
from gifthub.application.ports.id_generator import IdGenerator
from gifthub.application.ports.order_sheet import OrderSheetReader
from gifthub.application.ports.orders_unit_of_work import OrdersUnitOfWork
from gifthub.application.ports.pricing_reader import PricingReader
from gifthub.domain.delivery import parse_delivered_by
from gifthub.domain.identity import Principal
from gifthub.domain.order import Order, parse_timezone
from gifthub.domain.order_duplicates import CertificateKey, keys_of
from gifthub.domain.order_errors import DuplicateCertificate


@dataclass(frozen=True)
class UploadXlsxOrderCommand:
    project_id: UUID
    content: bytes
    timezone: str | None = None  # how to read send_at cells and show them back; None: the orderer's zone
    sender_name: str = ""
    accept: bool = False  # False: only check; True: put the valid rows into a draft
    order_id: UUID | None = None  # add the rows to this draft (e.g. the fixed, formerly failed rows)
    delivered_by: str = "giftery"  # an upload option for a new draft, not a column
    allow_duplicates: bool = False  # rows may repeat a certificate of the list or of the draft


@dataclass(frozen=True)
class XlsxOutcome:
    check: SheetCheck
    order: Order | None = None
    replayed: bool = False  # this very file was accepted before: the same order, nothing doubled


class UploadXlsxOrder:
    """An order list from XLSX: check every row, then (on accept) put the valid rows into a draft.
    Everything the file adds is written in one transaction; the file's hash keeps a re-upload from
    doubling the order."""

    def __init__(
        self,
        uow: OrdersUnitOfWork,
        reader: OrderSheetReader,
        catalog: CatalogReader,
        pricing: PricingReader,
        clock: Clock,
        ids: IdGenerator,
    ) -> None:
        self._uow, self._reader, self._clock, self._ids = uow, reader, clock, ids
        self._catalog, self._pricing = catalog, pricing

    async def execute(self, principal: Principal, command: UploadXlsxOrderCommand) -> XlsxOutcome:
        delivered_by = parse_delivered_by(command.delivered_by)
        content_hash = hashlib.sha256(command.content).hexdigest()
        async with self._uow as uow:
            project = await project_for(uow, principal, command.project_id, write=command.accept)
            if command.accept:
                existing = await uow.order_uploads.find(project.id, content_hash)
                if existing is not None:
                    order = await uow.orders.get(existing)
                    if order is not None:
                        return XlsxOutcome(SheetCheck(), order, replayed=True)
            in_order: set[CertificateKey] = set()
            if command.order_id is not None:
                _, draft = await order_for(uow, principal, command.project_id, command.order_id, write=False)
                in_order = keys_of(draft.lines)
            zone = command.timezone or await orderer_zone(uow, principal, project)
        timezone = parse_timezone(zone)
        now = self._clock.now()
        checker = SheetChecker(
            LineBuilder(self._catalog, self._pricing),
            project,
            now,
            timezone,
            in_order=in_order,
            allow_duplicates=command.allow_duplicates,
        )
        check = await checker.check(self._reader.open(command.content), self._ids.new_id)
        if check.rows == 0:
            raise InvalidUpload("the sheet has headers but no rows", field="row 2")
        if not command.accept:
            return XlsxOutcome(check)
        if not check.lines:
            raise InvalidUpload(f"none of the {check.rows} rows is valid: fix them and upload again", field="file")
        async with self._uow as uow:
            if command.order_id is not None:
                project, order = await order_for(uow, principal, command.project_id, command.order_id, write=True)
            else:
                project = await project_for(uow, principal, command.project_id, write=True)
                order = Order.draft(
                    self._ids.new_id(),
                    project.id,
                    project.cabinet_id,
                    project.currency,
                    str(principal),
                    now,
                    sender_name=command.sender_name,
                    timezone=timezone,
                    source=f"xlsx:{content_hash[:16]}",
                    delivered_by=delivered_by,
                )
            if not command.allow_duplicates and keys_of(check.lines) & keys_of(order.lines):
                # The rows were checked against the draft as it was; someone added the same meanwhile.
                raise DuplicateCertificate(
                    "the order got some of these rows meanwhile: check the file again", field="file"
                )
            order.replace_lines([*order.lines, *check.lines], now)
            uow.orders.add(order)
            await uow.order_uploads.add(project.id, content_hash, order.id, check.valid_rows)
            await uow.commit()
        return XlsxOutcome(check, order)
