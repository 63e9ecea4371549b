"""The all-brands catalog PDF for 2,000 brands, vs a baseline in the same run: a bare fpdf2 document
with the same DejaVu font and 2,000 text cells. Target: the brand sheet in under 3 s.

Runs of the sheet: every brand on an initials tile (no logo URL), then every brand with its own SVG
logo served over loopback HTTP (a stdlib server here). The logos are fetched and rasterised once, in the
background after a catalog sync (PrepareBrandLogos, timed here on its own: the cost of 2,000 brand-new
logos); the export then reads them from disk, as every export after that sync does.
``python -m bench.catalog_pdf`` (or ``make bench``); BRANDS=500 shrinks it for a quick look.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from fpdf import FPDF

from gifthub.adapters.documents.invoice_pdf import FONTS
from gifthub.adapters.exports.brand_sheet_pdf import BrandSheetPdf
from gifthub.adapters.giftery.sandbox.images import logo_svg
from gifthub.domain.catalog import Brand

WORDS = ("Лента", "Спорт", "Мастер", "Дом", "Книга", "Кофе", "Техно", "Мир", "Style", "Market", "Плюс", "Сити")
COLORS = ("#2e5eaa", "#3a8d6e", "#b55a30", "#7a4ea3", "#cc3344")


def synthetic_brands(count: int, logo_base: str | None = None, logo_every: int = 10) -> list[Brand]:
    brands = []
    for i in range(count):
        name = f"{WORDS[i % len(WORDS)]} {WORDS[(i * 7 + 3) % len(WORDS)]} {i}"
        url = f"{logo_base}/{i}.svg" if logo_base and i % logo_every == 0 else ""
        brands.append(Brand(id=str(i), name=name, logo_url=url))
    return brands


class _Logos(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        number = self.path.strip("/").removesuffix(".svg")
        body = logo_svg(f"{WORDS[int(number) % len(WORDS)]} {number}", COLORS[int(number) % len(COLORS)]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "image/svg+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def baseline(count: int) -> bytes:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", "", 8.5)
    pdf.add_page()
    for i in range(count):
        pdf.cell(45, 6, f"{WORDS[i % len(WORDS)]} {i}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def timed(label: str, run) -> float:
    started = time.perf_counter()
    data = run()
    seconds = time.perf_counter() - started
    size = f"{len(data) / 1024:7.0f} KiB" if isinstance(data, bytes) else f"{data:7d} ready"
    print(f"{label:<58} {seconds:6.2f} s  {size}", flush=True)
    return seconds


def main() -> None:
    count = int(os.environ.get("BRANDS", "2000"))
    sheet = BrandSheetPdf()
    sheet.brand_sheet(synthetic_brands(24), "warm-up")  # the font is parsed once per process, as in a server
    base = timed(f"baseline: bare fpdf2, same font, {count} text cells", lambda: baseline(count))
    plain = timed(
        f"brand sheet: {count} brands, initials tiles",
        lambda: sheet.brand_sheet(synthetic_brands(count), "Бренды: RU"),
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Logos)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        logo_base = f"http://127.0.0.1:{server.server_port}"
        with tempfile.TemporaryDirectory(prefix="gifthub-bench-logos-") as cache:
            # One exporter with an empty logo directory: the sync's background step prepares every logo
            # (fetch + rasterise, once per new logo), then the export only reads them.
            logo_sheet = BrandSheetPdf(logo_directory=Path(cache))
            brands = synthetic_brands(count, logo_base, logo_every=1)
            cold = timed(
                f"after a sync, in the background: {count} new logos fetched+rasterised",
                lambda: logo_sheet.prepare_logos([b.logo_url for b in brands]),
            )
            warm = timed(
                f"brand sheet: {count} distinct SVG logos (prepared)",
                lambda: logo_sheet.brand_sheet(brands, "Бренды: RU"),
            )
    finally:
        server.shutdown()
    print(f"ratio sheet/baseline: {plain / base:.1f}x (tiles), {warm / base:.1f}x (all logos)")
    print(f"logo preparation: {cold / count * 1000:.1f} ms a new logo, once, off the export's path")
    for label, seconds in (("tiles", plain), ("all logos", warm)):
        print(f"target < 3 s for {count} brands, {label}: {'OK' if seconds < 3 else 'OVER'} ({seconds:.2f} s)")


if __name__ == "__main__":
    main()
