"""The export documents read back: the XLSX with openpyxl, the PDF with pypdf; logos over loopback HTTP."""

from __future__ import annotations

import io
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gifthub.adapters.exports.brand_sheet_pdf import BrandSheetPdf
from gifthub.adapters.exports.catalog_xlsx import XlsxCatalogWriter
from gifthub.adapters.exports.logo_rasters import TILE_PX, LogoRasters
from gifthub.adapters.exports.logos import LogoFetcher
from gifthub.adapters.exports.renderer import CatalogDocuments
from gifthub.adapters.giftery.sandbox.images import logo_svg
from gifthub.application.catalog.priced_product import PricedProduct
from gifthub.application.catalog_exports import all_brands, prepare_brand_logos
from gifthub.application.catalog_exports.prepare_brand_logos import PrepareBrandLogos
from gifthub.application.errors import Forbidden
from gifthub.domain.catalog import Acceptance, Brand, NominalRule, Product
from gifthub.domain.identity import Principal, PrincipalKind
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


def test_the_brand_sheet_has_every_brand_over_pages_with_fetched_and_placeholder_logos(sandbox_server, tmp_path):  # noqa: F811
    brands = [
        Brand(id="1", name="Лента", logo_url=f"{sandbox_server.url}/images/1.svg"),  # a sandbox SVG logo
        Brand(id="2", name="Пятёрочка", logo_url=f"{sandbox_server.url}/images/missing.svg"),  # 404
        Brand(id="3", name="Нет логотипа", logo_url="http://127.0.0.1:9/none.svg"),  # unreachable
    ] + [Brand(id=str(i), name=f"Бренд {i}") for i in range(4, 31)]
    data = BrandSheetPdf(LogoFetcher(timeout=1.0), tmp_path).brand_sheet(brands, "Бренды: RU")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2  # 24 per page
    text = "".join(page.extract_text() for page in reader.pages)
    for name in ("Лента", "Пятёрочка", "Нет логотипа", "Бренд 30", "страница 2 из 2"):
        assert name in text
    # The fetched SVG is embedded as its rasterised tile (a JPEG); the other two got initials tiles.
    (logo,) = reader.pages[0].images
    width, height = logo.image.size
    assert TILE_PX[0] - 2 <= width <= TILE_PX[0] and height <= TILE_PX[1] and logo.name.endswith(".jpg")
    assert "\nНЛ\n" in reader.pages[0].extract_text() and not reader.pages[1].images


def test_a_logo_fetch_keeps_what_came(sandbox_server):  # noqa: F811
    got = LogoFetcher(timeout=1.0).fetch_all(
        [f"{sandbox_server.url}/images/1.svg", f"{sandbox_server.url}/images/nope.svg", "", "ftp://x/y.svg"]
    )
    assert list(got) == [f"{sandbox_server.url}/images/1.svg"]
    assert b"<svg" in got[f"{sandbox_server.url}/images/1.svg"]


class _CountingLogos(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        type(self).hits.append(self.path)
        body = logo_svg("Лента Спорт", "#2e5eaa") if self.path != "/broken.svg" else "<svg><rect"
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "image/svg+xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def logo_server():
    _CountingLogos.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CountingLogos)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_a_logo_is_rasterised_once_and_reused_by_later_exports(logo_server, tmp_path):
    urls = [f"{logo_server}/a.svg", f"{logo_server}/b.svg", f"{logo_server}/broken.svg"]
    first = LogoRasters(tmp_path).images(urls)
    assert sorted(first) == urls[:2]  # the broken SVG got nothing: its brand gets an initials tile
    assert first[urls[0]] == first[urls[1]]  # the same content is one file
    made = first[urls[0]].stat().st_mtime_ns
    assert first[urls[0]].read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG
    again = LogoRasters(tmp_path).images(urls[:2])  # a later export, another process alike
    assert again == first and len(_CountingLogos.hits) == 3  # nothing fetched, nothing converted
    assert first[urls[0]].stat().st_mtime_ns == made


def test_a_remembered_url_is_fetched_again_after_its_time(logo_server, tmp_path):
    url = f"{logo_server}/a.svg"
    first = LogoRasters(tmp_path, url_ttl_seconds=0).images([url])
    again = LogoRasters(tmp_path, url_ttl_seconds=0).images([url])
    assert again == first and len(_CountingLogos.hits) == 2  # asked again; same content, same file


class _Brands:
    """The catalog's brands as CatalogSearch pages them (by name, then id)."""

    def __init__(self, brands: list[Brand]) -> None:
        self._brands = sorted(brands, key=lambda b: (b.name, b.id))

    async def list_brands(self, regions, after, limit) -> list[Brand]:
        rest = [b for b in self._brands if after is None or (b.name, b.id) > after]
        return rest[:limit]


async def test_logos_prepared_after_a_sync_are_only_read_by_the_export(logo_server, tmp_path, monkeypatch):
    monkeypatch.setattr(all_brands, "PAGE", 2)  # several pages of brands
    monkeypatch.setattr(prepare_brand_logos, "CHUNK", 2)  # several chunks of logos
    brands = [Brand(str(n), f"Brand {n}", f"{logo_server}/{n}.svg") for n in range(5)] + [Brand("x", "No logo")]
    renderer = CatalogDocuments(pdf=BrandSheetPdf(logo_directory=tmp_path))
    use_case = PrepareBrandLogos(_Brands(brands), renderer)
    assert await use_case.execute(Principal.system("catalog-sync")) == 5
    assert sorted(_CountingLogos.hits) == [f"/{n}.svg" for n in range(5)]
    with pytest.raises(Forbidden):
        await use_case.execute(Principal(PrincipalKind.USER, "u1"))
    sheet = renderer.brand_sheet(brands, "Brands")
    assert len(_CountingLogos.hits) == 5  # the export fetched and converted nothing
    page = PdfReader(io.BytesIO(sheet)).pages[0]
    assert len(page.images) == 1  # the five logos are one picture (one JPEG on disk, one image in the PDF)
    assert page.get_contents().get_data().count(b" Do") == 5  # drawn for each of the five brands
