"""Billing benchmarks: invoice PDFs per second (vs a one-page fpdf2 baseline with the same font) and
10,000 bank payments imported, matched and credited. Targets: an invoice < 30 ms, 10,000 payments < 5 s.

``python -m bench.billing`` (or ``make bench``); PAYMENTS=2000 shrinks the statement for a quick look.
"""

from __future__ import annotations

import asyncio
import io
import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from uuid import uuid4

from fpdf import FPDF
from PIL import Image, ImageDraw

from bench.common import embedded_postgres
from gifthub.adapters.documents.invoice_pdf import FONTS, FpdfInvoiceRenderer
from gifthub.adapters.persistence.billing_unit_of_work import SqlBillingUnitOfWork
from gifthub.adapters.persistence.engine import create_engine, session_factory
from gifthub.adapters.persistence.migrator import upgrade
from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.billing.import_bank_statement import ImportBankStatement
from gifthub.application.billing.register_seller import RegisterSeller, SellerData
from gifthub.config import Settings
from gifthub.domain.billing.invoice import Buyer, Invoice, InvoiceKind, InvoiceLine, InvoiceStatus, format_number
from gifthub.domain.billing.seller import BankDetails, Requisites, Seller
from gifthub.domain.billing.vat import vat_included
from gifthub.domain.identity import Principal
from gifthub.domain.money import Currency, Money
from gifthub.domain.region import Region
from gifthub.ioc import make_container

ACCOUNT = "40702810938000000001"


def _png(size: tuple[int, int], draw) -> bytes:
    image = Image.new("RGBA", size, (255, 255, 255, 0))
    draw(ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _signature_and_stamp() -> tuple[bytes, bytes]:
    """Scanned-size signature and stamp images, as a real seller has them."""
    signature = _png(
        (600, 200), lambda d: d.line([(20, 150), (150, 40), (230, 140), (330, 50), (580, 80)], (20, 40, 140, 255), 6)
    )
    stamp = _png(
        (500, 500),
        lambda d: (
            d.ellipse([10, 10, 490, 490], outline=(30, 60, 170, 200), width=12),
            d.ellipse([90, 90, 410, 410], outline=(30, 60, 170, 200), width=6),
        ),
    )
    return signature, stamp


def _seller(images: bool = False) -> Seller:
    signature, stamp = _signature_and_stamp() if images else (None, None)
    return Seller(
        id=uuid4(),
        region=Region.RU,
        name="ООО «ГифтХаб»",
        number_prefix="GHR",
        requisites=Requisites(inn="7707083893", kpp="770701001", address="г. Москва, Пресненская наб., д. 12"),
        bank=BankDetails("ПАО Сбербанк", ACCOUNT, "044525225", "30101810400000000225"),
        signatory_name="Иванов И. И.",
        signatory_title="Генеральный директор",
        vat_exempt=False,
        created_at=datetime.now(UTC),
        signature_image=signature,
        stamp_image=stamp,
    )


BUYERS = ("ООО «Ромашка»", "АО «Северный ветер»", "ИП Щукина Юлия Эдуардовна", "ООО «Яблоко и Ко»", "ПАО «Жёлтый дом»")


def _invoice(seller: Seller, project_id, sequence: int, minor: int, buyer: str = BUYERS[0]) -> Invoice:
    total = Money(minor, Currency.RUB)
    return Invoice(
        id=uuid4(),
        seller_id=seller.id,
        project_id=project_id,
        number=format_number("GHR", 2026, sequence),
        kind=InvoiceKind.TOP_UP,
        issued_on=date(2026, 11, 2),
        due_on=date(2026, 11, 7),
        buyer=Buyer(buyer, "7707083893", "770701001", "г. Москва, ул. Ленина, 1"),
        lines=(InvoiceLine("Пополнение баланса проекта на платформе GiftHub (аванс)", total, 1),),
        vat_percent=Decimal(22),
        vat=vat_included(total, Decimal(22)),
        status=InvoiceStatus.ISSUED,
        paid=Money.zero(Currency.RUB),
        created_at=datetime.now(UTC),
    )


def _baseline() -> bytes:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 10, "Счёт-оферта № GHR-2026-00001: сто пятьдесят тысяч рублей 00 копеек")
    return bytes(pdf.output())


def _timed(fn, runs: int) -> float:
    fn(0)  # warm-up: imports, font parsing caches
    samples = []
    for run in range(1, runs + 1):
        started = time.perf_counter()
        fn(run)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def bench_pdf(runs: int = 30) -> None:
    """Every run renders a different invoice (number, amount, buyer): a different QR, amount in words and
    character set, as in production; the seller (with signature and stamp images) is the same."""
    seller, renderer = _seller(images=True), FpdfInvoiceRenderer()
    project = uuid4()

    def one(run: int) -> bytes:
        minor = 15_000_000 + run * 1_234_567 + run * 37
        return renderer.render(_invoice(seller, project, run + 1, minor, BUYERS[run % len(BUYERS)]), seller)

    ours = _timed(one, runs)
    base = _timed(lambda run: _baseline(), runs)
    print(f"invoice PDF: {ours * 1000:.1f} ms median of {runs} distinct invoices ({1 / ours:.1f}/s); target < 30 ms")
    print(f"baseline one-page fpdf2 + DejaVu: {base * 1000:.1f} ms ({1 / base:.1f}/s); ratio {ours / base:.2f}x")


def _statement(numbers: list[str], amount: str, first_document: int = 1) -> bytes:
    lines = [
        "1CClientBankExchange",
        "ВерсияФормата=1.03",
        "Кодировка=Windows",
        "ДатаНачала=02.11.2026",
        "ДатаКонца=02.11.2026",
        f"РасчСчет={ACCOUNT}",
    ]
    for i, number in enumerate(numbers):
        lines += [
            "СекцияДокумент=Платежное поручение",
            f"Номер={first_document + i}",
            "Дата=02.11.2026",
            f"Сумма={amount}",
            f"ПлательщикСчет=4070281000000{i:07d}",
            "ПлательщикИНН=7707083893",
            "Плательщик1=ООО Ромашка",
            f"ПолучательСчет={ACCOUNT}",
            f"НазначениеПлатежа=Оплата по счету {number}",
            "КонецДокумента",
        ]
    lines.append("КонецФайла")
    return ("\r\n".join(lines) + "\r\n").encode("cp1251")


async def bench_payments(count: int, url: str | None = None) -> None:
    """On SQLite (``make run``'s database) unless ``url`` names another (PostgreSQL, as run at scale)."""
    with tempfile.TemporaryDirectory() as tmp:
        url = url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        print(f"-- payments on {url.split(':', 1)[0]}")
        engine = create_engine(url)
        await upgrade(engine)
        container = make_container(Settings(data_dir=Path(tmp), database_url=url, admin_token="b" * 20))
        admin = Principal.system("bench")

        async def run(kind, *args):
            async with container() as request:
                return await (await request.get(kind)).execute(*args)

        seller = _seller()
        await run(
            RegisterSeller,
            admin,
            SellerData(
                Region.RU,
                seller.name,
                "GHR",
                seller.requisites,
                seller.bank,
                seller.signatory_name,
                seller.signatory_title,
                False,
            ),
        )
        async with SqlBillingUnitOfWork(session_factory(engine)) as uow:
            seller_id = (await uow.sellers.active_for(Region.RU)).id
        seller = Seller(**{**seller.__dict__, "id": seller_id})
        projects = []
        for n in range(10):
            cabinet = await run(CreateCabinet, admin, CreateCabinetCommand(name=f"C{n}"))
            projects.append(await run(CreateProject, admin, CreateProjectCommand(cabinet.id, "P", Region.RU)))
        async with SqlBillingUnitOfWork(session_factory(engine)) as uow:
            invoices = [_invoice(seller, projects[i % 10].id, i + 1, 100_000) for i in range(count)]
            for invoice in invoices:
                await uow.invoices.add(invoice)
            await uow.commit()
        unknown = _statement([format_number("GHX", 2026, i + 1) for i in range(count)], "1000.00", count + 1)
        started = time.perf_counter()
        queued = await run(ImportBankStatement, unknown)
        match_elapsed = time.perf_counter() - started
        assert queued.unmatched == count
        print(
            f"{count} payments parsed, looked up and recorded (no invoice: queued, nothing credited): "
            f"{match_elapsed:.2f} s ({count / match_elapsed:.0f}/s)"
        )
        data = _statement([i.number for i in invoices], "1000.00")
        started, cpu_started = time.perf_counter(), time.process_time()
        result = await run(ImportBankStatement, data)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        again_started = time.perf_counter()
        again = await run(ImportBankStatement, data)
        again_elapsed = time.perf_counter() - again_started
        assert result.applied == count and result.credited == count and again.credited == 0, (result, again)
        print(
            f"{count} payments parsed, matched and credited: {elapsed:.2f} s "
            f"({count / elapsed:.0f}/s; target 10,000 < 5 s); CPU time of this process {cpu:.2f} s"
        )
        print(
            f"  matching to invoices and crediting the ledgers add "
            f"~{(elapsed - match_elapsed) / count * 1000:.2f} ms per payment (one transaction per statement)"
        )
        print(f"the same statement again (all already known, nothing credited): {again_elapsed:.2f} s")
        await container.close()
        await engine.dispose()


def main() -> None:
    bench_pdf()
    count = int(os.environ.get("PAYMENTS", "10000"))
    asyncio.run(bench_payments(count))
    postgres = embedded_postgres()  # stopped and deleted at exit
    postgres.psql("CREATE DATABASE bench_billing;")
    url = postgres.get_uri(database="bench_billing").replace("postgresql://", "postgresql+asyncpg://")
    asyncio.run(bench_payments(count, url))


if __name__ == "__main__":
    main()
