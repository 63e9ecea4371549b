"""Brand logos as print-ready JPEG tiles, made once per distinct logo and kept on disk.

fpdf2 draws an SVG logo as vectors by interpreting it again for every document (~10 ms a logo: a
2,000-brand sheet took ~18 s). Here each distinct SVG (by the SHA-256 of its bytes) is rasterised
once with resvg, at the tile's print size and 200 dpi, onto white, and stored as a JPEG, which PDF
embeds as is (no decoding or re-compression per document). A fetched URL remembers which content
it served for ``url_ttl``, so a repeated export neither fetches nor converts; after that the URL is
fetched again and a changed logo becomes a new file.

Layout under the directory: ``<sha256>.jpg`` per logo, ``urls/<sha256 of the URL>`` holding the
content hash. Files are written to a temporary name and renamed: concurrent exports never see half
a file, and the worst a race costs is converting one logo twice.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import resvg_py
from PIL import Image

from gifthub.adapters.documents.invoice_pdf import FONTS, _trimmed
from gifthub.adapters.exports.logos import LogoFetcher

log = logging.getLogger("gifthub.exports.logos")

TILE_PX = (284, 189)  # 36 x 24 mm at 200 dpi


@lru_cache(maxsize=1)
def _font_file() -> str:
    """The bundled DejaVu trimmed to the invoice scripts, as a file for resvg: it loads its fonts on
    every call, and the trimmed font loads in a third of the time."""
    path = Path(tempfile.gettempdir()) / f"gifthub-logo-font-{os.getpid()}.ttf"
    _write(path, _trimmed(FONTS / "DejaVuSans.ttf"))
    return str(path)


def rasterise(svg: bytes, font_file: str | None = None) -> bytes | None:
    """The logo as a JPEG fitting ``TILE_PX`` on white; None when resvg cannot draw it."""
    try:
        png = resvg_py.svg_to_bytes(
            svg_string=svg.decode("utf-8", errors="replace"),
            width=TILE_PX[0],
            background="#ffffff",
            skip_system_fonts=True,  # the same glyphs on every machine: the bundled DejaVu only
            font_files=[font_file or _font_file()],
            font_family="DejaVu Sans",
            sans_serif_family="DejaVu Sans",
            serif_family="DejaVu Sans",
        )
        image = Image.open(io.BytesIO(png)).convert("RGB")
    except Exception as error:  # noqa: BLE001 - a bad logo gets a placeholder, the sheet goes on
        log.info("logo not drawable: %s", type(error).__name__)
        return None
    image.thumbnail(TILE_PX, Image.Resampling.LANCZOS)  # a tall logo: fit the height too
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


class LogoRasters:
    def __init__(
        self,
        directory: Path,
        fetcher: LogoFetcher | None = None,
        url_ttl_seconds: float = 24 * 3600,
        workers: int = 4,
    ) -> None:
        self._directory, self._fetcher = directory, fetcher or LogoFetcher()
        self._ttl, self._workers = url_ttl_seconds, workers

    def images(self, urls: Iterable[str]) -> dict[str, Path]:
        """URL -> JPEG file for every logo that could be had; the rest are absent (a placeholder is drawn)."""
        wanted = sorted({u for u in urls if u.startswith(("http://", "https://"))})
        found: dict[str, Path] = {}
        stale: list[str] = []
        for url in wanted:
            path = self._remembered(url)
            if path is None:
                stale.append(url)
            else:
                found[url] = path
        if not stale:
            return found
        fetched = self._fetcher.fetch_all(stale)
        digests = {url: hashlib.sha256(svg).hexdigest() for url, svg in fetched.items()}
        todo = {digest: fetched[url] for url, digest in digests.items() if not self._image(digest).exists()}
        if todo:
            # resvg renders outside the GIL: the distinct new logos convert in parallel.
            with ThreadPoolExecutor(self._workers) as pool:
                font = _font_file()
                for digest, jpeg in zip(todo, pool.map(lambda svg: rasterise(svg, font), todo.values()), strict=True):
                    if jpeg is not None:
                        _write(self._image(digest), jpeg)
        for url, digest in digests.items():
            if self._image(digest).exists():
                _write(self._url_file(url), digest.encode())
                found[url] = self._image(digest)
        return found

    def _remembered(self, url: str) -> Path | None:
        try:
            ref = self._url_file(url)
            if time.time() - ref.stat().st_mtime > self._ttl:
                return None
            image = self._image(ref.read_text().strip())
        except (OSError, ValueError):
            return None
        return image if image.exists() else None

    def _image(self, digest: str) -> Path:
        return self._directory / f"{digest}.jpg"

    def _url_file(self, url: str) -> Path:
        return self._directory / "urls" / hashlib.sha256(url.encode()).hexdigest()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)
