"""1C hears billing in its own form: each invoice issued, payment applied and daily registry is followed in
the outbox, in the same transaction, by its 1C document, which the relay publishes on gifthub.onec.*."""

from __future__ import annotations

import json
from datetime import date

import nats
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from gifthub.adapters.bus.nats_transport import NatsTransport, ensure_stream, make_broker
from gifthub.adapters.bus.relay import OutboxRelay
from gifthub.application.billing.daily_registry import ProduceDailyInvoiceRegistry
from gifthub.application.billing.import_bank_statement import ImportBankStatement
from gifthub.application.billing.issue_top_up_invoice import IssueTopUpInvoice, TopUpInvoiceCommand
from gifthub.entrypoints.bus.schemas import ONEC_SCHEMAS
from tests.support.billing import document, statement
from tests.use_cases.test_billing_jobs import ADMIN, _events, _project, _run, rub

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def database_url(tmp_path) -> str:
    from tests.conftest import _migrate_sqlite, _sqlite_url

    url = _sqlite_url(tmp_path)
    _migrate_sqlite(url)
    return url


async def _bill(container):
    project = await _project(container)
    invoice = await _run(container, IssueTopUpInvoice, ADMIN, TopUpInvoiceCommand(project.id, rub(150_000_00)))
    await _run(container, ImportBankStatement, statement(document("41", "100000.00", f"Оплата {invoice.number}")))
    await _run(container, ProduceDailyInvoiceRegistry, date(2026, 11, 1))
    return project, invoice


async def test_each_billing_fact_is_followed_by_its_1c_document_in_the_outbox(container):
    project, invoice = await _bill(container)
    names = [name for name, _ in await _events(container)]
    for source, onec in [
        ("billing.invoice_issued", "onec.invoice"),
        ("billing.payment_applied", "onec.receipt"),
        ("billing.invoice_registry", "onec.registry"),
    ]:
        assert names.count(onec) == 1, onec
        assert names.index(onec) == names.index(source) + 1, "written right after its fact, in its transaction"


async def test_the_relay_publishes_the_1c_documents_on_their_documented_subjects(container, messaging, nats_server):
    project, invoice = await _bill(container)
    broker = make_broker(messaging)
    await broker.connect()
    connection = await nats.connect(nats_server.url)
    try:
        await ensure_stream(broker, messaging)
        sessions = await container.get(async_sessionmaker[AsyncSession])
        relay = OutboxRelay(sessions, NatsTransport(broker, messaging))
        while await relay.relay_once():
            pass
        subscription = await connection.jetstream().pull_subscribe("gifthub.onec.>", stream=messaging.stream)
        received = {message.subject: json.loads(message.data) for message in await subscription.fetch(3, timeout=5)}
    finally:
        await connection.close()
        await broker.stop()

    assert set(received) == {"gifthub.onec.invoice", "gifthub.onec.receipt", "gifthub.onec.registry"}
    for subject, body in received.items():
        ONEC_SCHEMAS[subject.removeprefix("gifthub.")].model_validate(body)  # the shape the AsyncAPI documents
    sent = received["gifthub.onec.invoice"]
    assert sent["document"] == "СчетНаОплатуПокупателю" and sent["Номер"] == invoice.number
    assert sent["Сумма"] == "150000.00" and sent["СтавкаНДС"] == "НДС22" and sent["Проект"] == str(project.id)
    receipt = received["gifthub.onec.receipt"]
    assert receipt["document"] == "ПоступлениеНаРасчетныйСчет" and receipt["СчетНаОплату"] == invoice.number
    assert receipt["Сумма"] == "100000.00" and receipt["НомерВходящегоДокумента"] == "41"
    registry = received["gifthub.onec.registry"]
    assert registry["День"] == "2026-11-01" and registry["Количество"] == 1 and invoice.number in registry["csv"]
