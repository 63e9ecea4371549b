"""Registry invoices, expiry, the daily registry and the 1C messages, through the container."""

from __future__ import annotations

import json
from datetime import date
from uuid import uuid4

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from gifthub.adapters.onec.messages import onec_message
from gifthub.adapters.persistence.tables_outbox import outbox
from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.billing.daily_registry import ProduceDailyInvoiceRegistry
from gifthub.application.billing.import_bank_statement import ImportBankStatement
from gifthub.application.billing.invoice_lifecycle import ExpireInvoices
from gifthub.application.billing.invoice_queries import GetInvoice
from gifthub.application.billing.issue_registry_invoice import (
    IssueRegistryInvoice,
    RegistryInvoiceCommand,
    RegistryLine,
)
from gifthub.application.billing.issue_top_up_invoice import IssueTopUpInvoice, TopUpInvoiceCommand
from gifthub.application.billing.register_seller import RegisterSeller, SellerData
from gifthub.domain.billing.invoice import Buyer, InvoiceStatus
from gifthub.domain.billing.seller import BankDetails, Requisites
from gifthub.domain.identity import CabinetRole, Principal
from gifthub.domain.money import Currency, Money
from gifthub.domain.region import Region
from tests.support.billing import OUR_ACCOUNT, document, statement

ADMIN = Principal.system("test")


async def _run(container, use_case_type, *args):
    async with container() as request:
        return await (await request.get(use_case_type)).execute(*args)


async def _project(container):
    seller = SellerData(
        Region.RU,
        "ООО «ГифтХаб»",
        "GHR",
        Requisites(inn="7707083893", kpp="770701001"),
        BankDetails("ПАО Сбербанк", OUR_ACCOUNT, "044525225", "30101810400000000225"),
        "Иванов И. И.",
        "Директор",
        False,
    )
    await _run(container, RegisterSeller, ADMIN, seller)
    cabinet = await _run(container, CreateCabinet, ADMIN, CreateCabinetCommand(name="Acme"))
    command = CreateProjectCommand(cabinet_id=cabinet.id, name="P", region=Region.RU)
    return await _run(container, CreateProject, ADMIN, command)


async def _events(container) -> list[tuple[str, dict]]:
    engine = await container.get(AsyncEngine)
    async with engine.connect() as connection:
        rows = await connection.execute(select(outbox.c.event_name, outbox.c.payload).order_by(outbox.c.occurred_at))
        return [(name, json.loads(payload)) for name, payload in rows]


def rub(minor: int) -> Money:
    return Money(minor, Currency.RUB)


async def test_a_paid_registry_invoice_releases_its_order_and_tells_1c(container):
    project = await _project(container)
    order_id = uuid4()
    lines = (RegistryLine("Сертификат Ozon", rub(500_000), 20), RegistryLine("Сертификат Лэтуаль", rub(300_000), 10))
    buyer = Buyer("ООО «Ромашка»", "7707083893", email="buh@romashka.example")
    invoice = await _run(
        container, IssueRegistryInvoice, ADMIN, RegistryInvoiceCommand(project.id, order_id, lines, buyer)
    )
    assert invoice.total == rub(13_000_000) and invoice.vat == rub(2_344_262)
    await _run(container, ImportBankStatement, statement(document("5", "130000.00", f"Оплата {invoice.number}")))
    assert (await _run(container, GetInvoice, ADMIN, invoice.id)).status is InvoiceStatus.PAID

    events = await _events(container)
    names = [name for name, _ in events]
    assert "billing.invoice_issued" in names and "billing.payment_applied" in names
    released = [p for n, p in events if n == "billing.registry_invoice_paid"]
    assert released == [
        {
            "event": "billing.registry_invoice_paid",
            "occurred_at": released[0]["occurred_at"],
            "invoice_id": str(invoice.id),
            "order_id": str(order_id),
            "project_id": str(project.id),
        }
    ]
    emails = [p["template"] for n, p in events if n == "email.requested"]
    assert emails == ["invoice_issued", "payment_received"]

    issued = onec_message("billing.invoice_issued", next(p for n, p in events if n == "billing.invoice_issued"))
    assert issued["document"] == "СчетНаОплатуПокупателю" and issued["Сумма"] == "130000.00"
    assert issued["СуммаНДС"] == "23442.62" and issued["СтавкаНДС"] == "НДС22"
    applied = onec_message("billing.payment_applied", next(p for n, p in events if n == "billing.payment_applied"))
    assert applied["СчетНаОплату"] == invoice.number and applied["Переплата"] == "0.00"
    assert onec_message("project.created", {}) is None


async def test_unpaid_invoices_expire_after_their_term(container, clock):
    project = await _project(container)
    invoice = await _run(container, IssueTopUpInvoice, ADMIN, TopUpInvoiceCommand(project.id, rub(10_000)))
    assert await _run(container, ExpireInvoices) == 0
    clock.advance(days=6)
    assert await _run(container, ExpireInvoices) == 1
    assert await _run(container, ExpireInvoices) == 0
    assert (await _run(container, GetInvoice, ADMIN, invoice.id)).status is InvoiceStatus.EXPIRED


async def test_the_daily_registry_lists_the_days_invoices_for_accounting(container, clock):
    project = await _project(container)
    first = await _run(container, IssueTopUpInvoice, ADMIN, TopUpInvoiceCommand(project.id, rub(150_000_00)))
    second = await _run(container, IssueTopUpInvoice, ADMIN, TopUpInvoiceCommand(project.id, rub(99)))
    clock.advance(days=1)
    await _run(container, IssueTopUpInvoice, ADMIN, TopUpInvoiceCommand(project.id, rub(1)))
    data = await _run(container, ProduceDailyInvoiceRegistry, date(2026, 11, 1))
    lines = data.decode("utf-8-sig").strip().split("\r\n")
    assert len(lines) == 3
    assert lines[1].startswith(f"{first.number};01.11.2026;") and ";150000,00;27049,18;22%;" in lines[1]
    assert lines[2].startswith(f"{second.number};") and ";0,99;0,18;" in lines[2]
    (registry,) = [p for n, p in await _events(container) if n == "billing.invoice_registry"]
    assert registry["count"] == 2 and registry["day"] == "2026-11-01"
    assert onec_message("billing.invoice_registry", registry)["Количество"] == 2


async def test_another_tenant_sees_no_invoice_and_cannot_import(container):
    import pytest

    from gifthub.application.billing.invoice_queries import InvoiceQuery, ListInvoices
    from gifthub.application.errors import Forbidden, NotFound
    from gifthub.domain.identity import PrincipalKind

    project = await _project(container)
    invoice = await _run(container, IssueTopUpInvoice, ADMIN, TopUpInvoiceCommand(project.id, rub(10_000)))
    stranger = Principal(PrincipalKind.USER, "u-1", cabinet_ids=frozenset({uuid4()}))
    owner = Principal.user("u-2", {project.cabinet_id: CabinetRole.OWNER})
    with pytest.raises(NotFound):
        await _run(container, GetInvoice, stranger, invoice.id)
    assert (await _run(container, GetInvoice, owner, invoice.id)).id == invoice.id
    async with container() as request:
        listing = await request.get(ListInvoices)
        assert (await listing.execute(stranger, InvoiceQuery(), limit=10, cursor=None)).items == []
        assert [i.id for i in (await listing.execute(owner, InvoiceQuery(), limit=10, cursor=None)).items] == [
            invoice.id
        ]
    with pytest.raises(Forbidden):
        await _run(container, ImportBankStatement, statement(document("1", "1.00", "x")), owner)
