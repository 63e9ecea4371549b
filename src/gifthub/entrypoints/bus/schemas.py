"""Payload schemas of the subjects, for the AsyncAPI document (``gifthub asyncapi``, committed as
``docs/asyncapi.json``).

These pydantic models document the JSON the outbox writes (adapters/persistence/outbox_writer.py):
every payload carries ``event`` (its name) and ``occurred_at``; amounts are decimal strings. A few are
written by hand; every other domain event gets a model derived from its dataclass (``derived_schema``),
so a new event is documented the day it is added. The 1C documents are the shapes of
``adapters/onec/messages.py``.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import typing
from datetime import datetime
from decimal import Decimal
from functools import cache
from types import NoneType, UnionType
from typing import Any, Literal
from uuid import UUID

from faststream.nats import JStream, NatsBroker
from pydantic import BaseModel, ConfigDict, Field, create_model

import gifthub.domain
from gifthub.adapters.onec.messages import ONEC_DOCUMENTS
from gifthub.application.bus.message import subject_for
from gifthub.domain.events import DomainEvent
from gifthub.domain.money import Money


class MoneyPayload(BaseModel):
    amount: str = Field(examples=["1500.00"], description="decimal string, never a float")
    currency: str = Field(examples=["RUB"])


class EventPayload(BaseModel):
    event: str
    occurred_at: str = Field(description="ISO 8601 with offset")


class CabinetCreated(EventPayload):
    cabinet_id: str
    cabinet_name: str


class ProjectCreated(EventPayload):
    project_id: str
    cabinet_id: str
    project_name: str
    region: str
    b2b_code: str


class NegativeLimitChanged(EventPayload):
    project_id: str
    previous: MoneyPayload
    current: MoneyPayload


class LedgerEntryPosted(EventPayload):
    project_id: str
    entry_id: str
    sequence: int
    kind: str = Field(description="top_up, hold, release, capture or adjustment")
    amount: MoneyPayload
    reference: str
    balance_after: MoneyPayload
    held_after: MoneyPayload
    available_after: MoneyPayload


class EmailRequested(EventPayload):
    to: str
    template: str = Field(description="invitation, welcome, password_reset, ... (adapters/email/renderer.py)")
    context: dict[str, str]
    language: str = "ru"
    timezone: str = "Europe/Moscow"
    dedup_key: str = ""


class EmailRefused(EventPayload):
    dedup_key: str = Field(description="the key the email was requested with")
    recipient: str
    template: str
    reason: str = Field(examples=["550 5.1.1 No such user here"])


class OnecStatement(BaseModel):
    filename: str = Field(examples=["kl_to_1c.txt"])
    content_base64: str = Field(description="the raw statement file (1CClientBankExchange), base64")


class OnecCounterparty(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    name: str = Field(alias="Наименование")
    inn: str = Field(alias="ИНН")


class OnecInvoice(BaseModel):
    """СчетНаОплатуПокупателю: an invoice GiftHub issued, for 1C to book."""

    model_config = ConfigDict(populate_by_name=True)
    event: Literal["onec.invoice"]
    occurred_at: str = Field(description="ISO 8601 with offset")
    type: Literal["gifthub.1c.invoice_issued.v1"]
    document: Literal["СчетНаОплатуПокупателю"]
    id: str = Field(description="the invoice id")
    number: str = Field(alias="Номер")
    date: str = Field(alias="Дата", description="YYYY-MM-DD")
    counterparty: OnecCounterparty = Field(alias="Контрагент")
    total: str = Field(alias="Сумма", examples=["130000.00"])
    currency: str = Field(alias="Валюта", examples=["RUB"])
    vat: str = Field(alias="СуммаНДС")
    vat_rate: str = Field(alias="СтавкаНДС", examples=["НДС22", "БезНДС"])
    kind: str = Field(alias="ВидСчета", examples=["пополнение баланса", "реестр сертификатов"])
    order: str | None = Field(alias="Заказ", description="the order a registry invoice is for")
    project: str = Field(alias="Проект")


class OnecReceipt(BaseModel):
    """ПоступлениеНаРасчетныйСчет: a bank payment applied to an invoice."""

    model_config = ConfigDict(populate_by_name=True)
    event: Literal["onec.receipt"]
    occurred_at: str = Field(description="ISO 8601 with offset")
    type: Literal["gifthub.1c.payment_applied.v1"]
    document: Literal["ПоступлениеНаРасчетныйСчет"]
    id: str = Field(description="the payment id")
    document_number: str = Field(alias="НомерВходящегоДокумента")
    document_date: str = Field(alias="ДатаВходящегоДокумента")
    payer_inn: str = Field(alias="ИННПлательщика")
    invoice_number: str = Field(alias="СчетНаОплату")
    amount: str = Field(alias="Сумма")
    currency: str = Field(alias="Валюта")
    overpaid: str = Field(alias="Переплата")
    invoice_status: str = Field(alias="СтатусСчета", examples=["paid", "partially_paid"])
    project: str = Field(alias="Проект")


class OnecRegistry(BaseModel):
    """The day's invoice registry for 1C (the same CSV accounting receives by email)."""

    model_config = ConfigDict(populate_by_name=True)
    event: Literal["onec.registry"]
    occurred_at: str = Field(description="ISO 8601 with offset")
    type: Literal["gifthub.1c.invoice_registry.v1"]
    day: str = Field(alias="День", description="YYYY-MM-DD")
    count: int = Field(alias="Количество")
    csv: str = Field(description="UTF-8 text, ';' separated, decimal comma")


WRITTEN_BY_HAND: dict[str, tuple[type[BaseModel], str]] = {
    "cabinet.created": (CabinetCreated, "A cabinet was created."),
    "project.created": (ProjectCreated, "A project (with its B2B code) was created."),
    "project.negative_limit_changed": (NegativeLimitChanged, "A project's negative limit changed."),
    "ledger.entry_posted": (LedgerEntryPosted, "One ledger line was posted to a project."),
    "email.requested": (EmailRequested, "An email to render and send once (dedup_key)."),
    "email.refused": (EmailRefused, "The recipient's server refused an email for good (not retried)."),
    "onec.statement": (OnecStatement, "A bank statement file from 1C, to import (published by 1C)."),
}
ONEC_SCHEMAS: dict[str, type[BaseModel]] = {
    "onec.invoice": OnecInvoice,
    "onec.receipt": OnecReceipt,
    "onec.registry": OnecRegistry,
}
assert set(ONEC_SCHEMAS) == set(ONEC_DOCUMENTS.values()), "every 1C document needs its schema"


def domain_events() -> dict[str, type[DomainEvent]]:
    """Every domain event class, by name: each is written to the outbox and published as it is."""
    for module in pkgutil.walk_packages(gifthub.domain.__path__, "gifthub.domain."):
        importlib.import_module(module.name)
    found: dict[str, type[DomainEvent]] = {}
    pending = list(DomainEvent.__subclasses__())
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        if kind.name != DomainEvent.name and kind.__module__.startswith("gifthub."):  # not a test's own
            found[kind.name] = kind
    return found


def _wire_type(annotation: Any) -> Any:
    """The JSON a field becomes in ``plain()``: Money as {amount, currency}, ids and moments as strings."""
    origin = typing.get_origin(annotation)
    if annotation is Money:
        return MoneyPayload
    if annotation in (UUID, datetime, Decimal):
        return str
    if origin in (typing.Union, UnionType):
        members = [_wire_type(a) for a in typing.get_args(annotation) if a is not NoneType]
        optional = NoneType in typing.get_args(annotation)
        wire = members[0] if len(members) == 1 else typing.Union[tuple(members)]  # noqa: UP007
        return wire | None if optional else wire
    if origin in (tuple, list, set, frozenset):
        (item, *_) = typing.get_args(annotation) or (Any,)
        return list[_wire_type(item)]
    if origin is dict:
        key, value = typing.get_args(annotation)
        return dict[key, _wire_type(value)]
    if dataclasses.is_dataclass(annotation):
        return _model_of(annotation)
    return annotation


@cache
def _model_of(kind: type, event_name: str | None = None) -> type[BaseModel]:
    hints = typing.get_type_hints(kind)
    fields: dict[str, Any] = {}
    if event_name is not None:
        fields["event"] = (Literal[event_name], ...)  # type: ignore[valid-type]
    for field in dataclasses.fields(kind):
        has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
        default = field.default if field.default is not dataclasses.MISSING else None
        fields[field.name] = (_wire_type(hints[field.name]), default if has_default else ...)
    return create_model(kind.__name__, __doc__=kind.__doc__, **fields)


def derived_schema(kind: type[DomainEvent]) -> type[BaseModel]:
    return _model_of(kind, kind.name)


def _summary(kind: type) -> str:
    doc = (kind.__doc__ or "").strip()
    return doc.splitlines()[0] if doc and not doc.startswith(kind.__name__ + "(") else f"{kind.__name__}."


def published_subjects() -> dict[str, tuple[type[BaseModel], str]]:
    """Event name -> (payload schema, description) for everything GiftHub and 1C publish on the bus."""
    events: dict[str, tuple[type[BaseModel], str]] = {}
    for name, kind in sorted(domain_events().items()):
        events[name] = WRITTEN_BY_HAND.get(name) or (derived_schema(kind), _summary(kind))
    for source, name in sorted(ONEC_DOCUMENTS.items(), key=lambda item: item[1]):
        schema = ONEC_SCHEMAS[name]
        events[name] = (schema, f"{_summary(schema)} Written with {subject_for(source)}, in its transaction.")
    events["onec.statement"] = WRITTEN_BY_HAND["onec.statement"]
    return events


def document_events(broker: NatsBroker, stream: JStream) -> None:
    """Register a documented publisher per subject (headers: Nats-Msg-Id = the outbox id)."""
    for name, (schema, description) in published_subjects().items():
        broker.publisher(
            subject_for(name),
            stream=stream,
            schema=schema,
            title=subject_for(name),
            description=description + " Message id (Nats-Msg-Id) = outbox row id; de-duplicated by JetStream.",
        )
    broker.publisher(
        "gifthub.dead.>",
        stream=stream,
        schema=str,
        title="gifthub.dead.<subject>",
        description="Dead letters: the original payload verbatim; headers Gifthub-Dead-Reason, "
        "Gifthub-Original-Subject, Gifthub-Message-Id.",
    )
