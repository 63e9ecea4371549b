"""The export documents read back: the XLSX with openpyxl, the PDF with pypdf; logos over loopback HTTP."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook
from pypdf import PdfReader

from gifthub.adapters.exports.brand_sheet_pdf import BrandSheetPdf
from gifthub.adapters.exports.catalog_xlsx import XlsxCatalogWriter
from gifthub.adapters.exports.logos import LogoFetcher
from gifthub.application.catalog.priced_product import PricedProduct
from gifthub.domain.catalog import Acceptance, Brand, NominalRule, Product
from gifthub.domain.pricing import Commission
from gifthub.domain.region import Region
from tests.support.giftery import sandbox, sandbox_server  # noqa: F401


def product(pid: str, nominals: NominalRule, acceptance: Acceptance, **extra) -> Product:
    return Product(
        id=pid,
        brand_id="b1",
        brand_name="Лента",
        title=f"Сертификат {pid}",
        title_en=f"Card {pid}",
        region=Region.RU,
        nominals=nominals,
        acceptance=acceptance,
        **extra,
    )


def test_the_spreadsheet_follows_the_template():
    rows = [
        PricedProduct(
            product("p1", NominalRule(fixed=(50000, 100000)), Acceptance.OFFLINE, category_ids=("c1", "c2")),
            Commission(Decimal("2.5")),
        ),
        PricedProduct(
            product("p2", NominalRule(minimum=100000, maximum=1500000, step=50000), Acceptance.BOTH),
            Commission(Decimal("-3")),
        ),
    ]
    data = XlsxCatalogWriter().spreadsheet(rows, {"c1": "Продукты", "c2": "Дом"})
    sheet = load_workbook(io.BytesIO(data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == [
        "Бренд",
        "Продукт",
        "Номиналы",
        "Регион",
        "Категории",
        "Приём сертификатов",
        "Комиссия, %",
    ]
    assert values[1] == ["Лента", "Сертификат p1", "500; 1\u00a0000 RUB", "RU", "Продукты, Дом", "офлайн", 2.5]
    assert values[2][2] == "от 1\u00a0000 до 15\u00a0000 с шагом 500 RUB"
    assert values[2][5] == "онлайн и офлайн" and values[2][6] == -3
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 44
    assert sheet.cell(1, 1).font.bold


def test_the_brand_sheet_has_every_brand_over_pages_with_fetched_and_placeholder_logos(sandbox_server):  # noqa: F811
    brands = [
        Brand(id="1", name="Лента", logo_url=f"{sandbox_server.url}/images/1.svg"),  # a sandbox SVG logo
        Brand(id="2", name="Пятёрочка", logo_url=f"{sandbox_server.url}/images/missing.svg"),  # 404
        Brand(id="3", name="Нет логотипа", logo_url="http://127.0.0.1:9/none.svg"),  # unreachable
    ] + [Brand(id=str(i), name=f"Бренд {i}") for i in range(4, 31)]
    data = BrandSheetPdf(LogoFetcher(timeout=1.0)).brand_sheet(brands, "Бренды: RU")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2  # 24 per page
    text = "".join(page.extract_text() for page in reader.pages)
    for name in ("Лента", "Пятёрочка", "Нет логотипа", "Бренд 30", "страница 2 из 2"):
        assert name in text
    assert "SANDBOX" in reader.pages[0].extract_text()  # the fetched SVG was drawn, its text too


def test_a_logo_fetch_keeps_what_came(sandbox_server):  # noqa: F811
    got = LogoFetcher(timeout=1.0).fetch_all(
        [f"{sandbox_server.url}/images/1.svg", f"{sandbox_server.url}/images/nope.svg", "", "ftp://x/y.svg"]
    )
    assert list(got) == [f"{sandbox_server.url}/images/1.svg"]
    assert b"<svg" in got[f"{sandbox_server.url}/images/1.svg"]
