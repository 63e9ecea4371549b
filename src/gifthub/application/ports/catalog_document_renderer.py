from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from gifthub.application.catalog.priced_product import PricedProduct
from gifthub.domain.catalog import Brand


class CatalogDocumentRenderer(Protocol):
    """Blocking, CPU-bound renderers: callers run them off the event loop."""

    def spreadsheet(self, products: Sequence[PricedProduct], category_titles: Mapping[str, str]) -> bytes:
        """The XLSX price list by the fixed template, one row per product."""
        ...

    def brand_sheet(self, brands: Sequence[Brand], title: str) -> bytes:
        """A printable A4 PDF grid of brands with their logos (placeholders where a logo is unavailable)."""
        ...

    def prepare_logos(self, logo_urls: Iterable[str]) -> int:
        """Fetch and convert the logos not yet prepared, so that later brand sheets only read them;
        answers how many of them are ready. A logo that cannot be had is left to its placeholder."""
        ...
