"""All brands of a region as a printable A4 grid: a logo (or an initials tile) and the name per cell.

Fast for the whole catalog: the DejaVu font is parsed once per process (shared with invoices), each
distinct logo is rasterised once and kept on disk (logo_rasters: a JPEG the PDF embeds as is), and
cells are drawn with plain ``cell`` calls (no ``multi_cell`` layout passes).
"""

from __future__ import annotations

import hashlib
import io
import logging
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from fpdf import FPDF

from gifthub.adapters.documents.invoice_pdf import FONT
from gifthub.adapters.documents.invoice_pdf import _Pdf as DejaVuPdf
from gifthub.adapters.exports.logo_rasters import LogoRasters
from gifthub.adapters.exports.logos import LogoFetcher
from gifthub.domain.catalog import Brand

log = logging.getLogger("gifthub.exports.pdf")

COLUMNS, ROWS = 4, 6
MARGIN, HEADER, FOOTER = 12.0, 14.0, 8.0
GAP = 4.0
LOGO_W, LOGO_H = 36.0, 24.0
# Calm, print-friendly tile colours; a brand always gets the same one.
PALETTE = ((0x2E, 0x5E, 0xAA), (0x3A, 0x8D, 0x6E), (0xB5, 0x5A, 0x30), (0x7A, 0x4E, 0xA3), (0x4A, 0x6B, 0x7C))


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


class BrandSheetPdf:
    def __init__(self, logos: LogoFetcher | None = None, logo_directory: Path | None = None) -> None:
        # Without a directory (tests, benchmarks) the rasters live in a temporary one for the process.
        directory = logo_directory or Path(tempfile.mkdtemp(prefix="gifthub-logos-"))
        self._logos = LogoRasters(directory, logos or LogoFetcher())

    def prepare_logos(self, logo_urls: Iterable[str]) -> int:
        return len(self._logos.images(logo_urls))

    def brand_sheet(self, brands: Sequence[Brand], title: str) -> bytes:
        logos = {url: path.read_bytes() for url, path in self._logos.images(b.logo_url for b in brands).items()}
        pdf = DejaVuPdf()
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(False)
        pdf.set_title(title)
        usable_w = pdf.w - 2 * MARGIN
        usable_h = pdf.h - 2 * MARGIN - HEADER - FOOTER
        cell_w = (usable_w - GAP * (COLUMNS - 1)) / COLUMNS
        cell_h = (usable_h - GAP * (ROWS - 1)) / ROWS
        per_page = COLUMNS * ROWS
        pages = max(1, -(-len(brands) // per_page))
        broken: set[str] = set()
        for index in range(pages):
            pdf.add_page()
            self._header(pdf, title, index + 1, pages, len(brands))
            for slot, brand in enumerate(brands[index * per_page : (index + 1) * per_page]):
                x = MARGIN + (slot % COLUMNS) * (cell_w + GAP)
                y = MARGIN + HEADER + (slot // COLUMNS) * (cell_h + GAP)
                self._cell(pdf, brand, x, y, cell_w, cell_h, logos, broken)
        return bytes(pdf.output())

    def _header(self, pdf: FPDF, title: str, page: int, pages: int, total: int) -> None:
        pdf.set_text_color(30, 30, 30)
        pdf.set_font(FONT, "B", 13)
        pdf.text(MARGIN, MARGIN + 6, title)
        pdf.set_font(FONT, "", 8)
        count = f"брендов: {total}"
        pdf.text(pdf.w - MARGIN - _width(pdf, count), MARGIN + 6, count)
        pdf.set_text_color(120, 120, 120)
        _centered(pdf, f"GiftHub · страница {page} из {pages}", pdf.w / 2, pdf.h - MARGIN - 1)

    def _cell(self, pdf: FPDF, brand: Brand, x, y, w, h, logos: dict[str, bytes], broken: set[str]) -> None:
        pdf.set_draw_color(210, 214, 220)
        pdf.set_line_width(0.2)
        pdf.rect(x, y, w, h, style="D")
        logo_x, logo_y = x + (w - LOGO_W) / 2, y + 5
        logo = logos.get(brand.logo_url)
        if logo is None or brand.logo_url in broken or not self._logo(pdf, logo, logo_x, logo_y):
            if logo is not None:
                broken.add(brand.logo_url)
            self._placeholder(pdf, brand.name, logo_x, logo_y)
        pdf.set_text_color(30, 30, 30)
        pdf.set_font(FONT, "", 8.5)
        name = _fit(pdf, brand.name, w - 4)
        _centered(pdf, name, x + w / 2, y + 5 + LOGO_H + 7)

    @staticmethod
    def _logo(pdf: FPDF, jpeg: bytes, x: float, y: float) -> bool:
        try:
            pdf.image(io.BytesIO(jpeg), x=x, y=y, w=LOGO_W, h=LOGO_H, keep_aspect_ratio=True)
        except Exception as error:  # noqa: BLE001 - a bad logo gets a placeholder, the sheet goes on
            log.info("logo not drawable: %s", type(error).__name__)
            return False
        return True

    @staticmethod
    def _placeholder(pdf: FPDF, name: str, x: float, y: float) -> None:
        color = PALETTE[hashlib.blake2s(name.encode(), digest_size=1).digest()[0] % len(PALETTE)]
        pdf.set_fill_color(*color)
        pdf.rect(x, y, LOGO_W, LOGO_H, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font(FONT, "B", 20)
        _centered(pdf, initials(name), x + LOGO_W / 2, y + LOGO_H / 2 + 3.5)


def _widths(pdf: FPDF, text: str) -> list[float]:
    """Each character's advance in mm from the font's widths: ``get_string_width`` runs the whole
    text-fragment machinery, ten times slower, for what is a sum here (no kerning or shaping used)."""
    table, scale = pdf.current_font.cw, pdf.font_size_pt / 1000 / pdf.k
    return [table[ord(c)] * scale if ord(c) < len(table) else 600 * scale for c in text]


def _width(pdf: FPDF, text: str) -> float:
    return sum(_widths(pdf, text))


def _centered(pdf: FPDF, text: str, center_x: float, baseline: float) -> None:
    pdf.text(center_x - _width(pdf, text) / 2, baseline, text)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    widths = _widths(pdf, text)
    if sum(widths) <= width:
        return text
    room, used, keep = width - _width(pdf, "…"), 0.0, 0
    for keep, advance in enumerate(widths):  # noqa: B007 - keep is the cut position
        if used + advance > room:
            break
        used += advance
    return text[:keep].rstrip() + "…"
