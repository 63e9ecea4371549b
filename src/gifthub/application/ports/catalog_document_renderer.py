from __future__ import annotations

from collections.abc import Mapping, Sequence
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
