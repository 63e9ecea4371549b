"""Races on PostgreSQL: the same payment from concurrent imports credits once; numbers stay gapless."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.accounts.get_project import GetProject
from gifthub.application.billing.import_bank_statement import ImportBankStatement
from gifthub.application.billing.issue_top_up_invoice import IssueTopUpInvoice, TopUpInvoiceCommand
from gifthub.application.billing.register_seller import RegisterSeller, SellerData
from gifthub.config import Settings
from gifthub.domain.billing.seller import BankDetails, Requisites
from gifthub.domain.identity import Principal
from gifthub.domain.money import Currency, Money
from gifthub.domain.region import Region
from gifthub.ioc import make_container
from tests.conftest import clock_provider
from tests.support.billing import OUR_ACCOUNT, document, statement
from tests.support.clock import MutableClock

pytestmark = pytest.mark.postgres
ADMIN = Principal.system("test")


async def _run(container, use_case_type, *args):
    async with container() as request:
        return await (await request.get(use_case_type)).execute(*args)


async def _setup(container):
    await _run(
        container,
        RegisterSeller,
        ADMIN,
        SellerData(
            Region.RU,
            "ООО «ГифтХаб»",
            "GHR",
            Requisites(inn="7707083893", kpp="770701001"),
            BankDetails("ПАО Сбербанк", OUR_ACCOUNT, "044525225", "30101810400000000225"),
            "Иванов И. И.",
            "Директор",
            False,
        ),
    )
    cabinet = await _run(container, CreateCabinet, ADMIN, CreateCabinetCommand(name="Acme"))
    return await _run(
        container, CreateProject, ADMIN, CreateProjectCommand(cabinet_id=cabinet.id, name="P", region=Region.RU)
    )


async def test_concurrent_imports_of_overlapping_statements_credit_each_payment_once(pg_url, tmp_path):
    clock = MutableClock(datetime(2026, 11, 2, 9, tzinfo=UTC))
    container = make_container(
        Settings(data_dir=tmp_path, database_url=pg_url, admin_token="x" * 20), clock_provider(clock)
    )
    try:
        project = await _setup(container)
        invoices = await asyncio.gather(
            *[
                _run(container, IssueTopUpInvoice, ADMIN, TopUpInvoiceCommand(project.id, Money(100_000, Currency.RUB)))
                for _ in range(8)
            ]
        )
        assert sorted(i.number for i in invoices) == [f"GHR-2026-{n:05d}" for n in range(1, 9)]
        docs = [document(str(100 + n), "1000.00", f"Оплата по счету GHR-2026-{n:05d}") for n in range(1, 9)]
        first, second = statement(*docs[:6]), statement(*docs[2:])
        results = await asyncio.gather(
            *[_run(container, ImportBankStatement, data) for data in (first, second, first, second)]
        )
        assert sum(r.applied for r in results) == 8
        assert sum(r.credited for r in results) == 8
        balance = (await _run(container, GetProject, ADMIN, project.id)).balance
        assert balance == Money(800_000, Currency.RUB)
    finally:
        await container.close()
