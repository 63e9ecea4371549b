"""The committed AsyncAPI document is what ``gifthub asyncapi`` writes, and it lists every subject the code
publishes (each domain event, each 1C document, dead letters) or consumes (each registered handler)."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from urllib.parse import unquote

import gifthub.domain
from gifthub.adapters.onec.messages import ONEC_DOCUMENTS
from gifthub.domain.events import DomainEvent
from gifthub.entrypoints.bus.handlers import HANDLERS
from gifthub.entrypoints.cli.bus import ASYNCAPI_PATH, asyncapi_text

COMMITTED = Path(__file__).resolve().parents[3] / ASYNCAPI_PATH


def _operations(action: str) -> set[str]:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    addresses = set()
    for operation in document["operations"].values():
        if operation["action"] == action:
            channel = unquote(operation["channel"]["$ref"].removeprefix("#/channels/"))
            addresses.add(document["channels"][channel]["address"])
    return addresses


def _event_names() -> set[str]:
    for module in pkgutil.walk_packages(gifthub.domain.__path__, "gifthub.domain."):
        importlib.import_module(module.name)
    names, pending = set(), [DomainEvent]
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        if kind.__module__.startswith("gifthub."):  # not an event a test module defines for itself
            names.add(kind.name)
    return names - {DomainEvent.name}


def test_the_committed_document_is_what_gifthub_asyncapi_writes():
    assert COMMITTED.read_text(encoding="utf-8") == asyncapi_text(), "run `gifthub asyncapi` and commit the file"


def test_every_published_subject_is_documented():
    published = {f"gifthub.{name}" for name in _event_names() | set(ONEC_DOCUMENTS.values())}
    assert {"gifthub.billing.invoice_issued", "gifthub.onec.invoice", "gifthub.order.certificate_resent"} <= published
    missing = published - _operations("send")
    assert not missing, f"published but not in docs/asyncapi.json: {sorted(missing)}"
    assert {"gifthub.dead.>", "gifthub.onec.statement"} <= _operations("send")


def test_every_consumed_subject_is_documented():
    consumed = {f"gifthub.{registration.event_name}" for registration in HANDLERS}
    missing = consumed - _operations("receive")
    assert not missing, f"consumed but not in docs/asyncapi.json: {sorted(missing)}"
