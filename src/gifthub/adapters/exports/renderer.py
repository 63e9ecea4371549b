"""CatalogDocumentRenderer: the XLSX writer and the PDF brand sheet behind one port."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from gifthub.adapters.exports.brand_sheet_pdf import BrandSheetPdf
from gifthub.adapters.exports.catalog_xlsx import XlsxCatalogWriter
from gifthub.application.catalog.priced_product import PricedProduct
from gifthub.domain.catalog import Brand


class CatalogDocuments:
    def __init__(self, xlsx: XlsxCatalogWriter | None = None, pdf: BrandSheetPdf | None = None) -> None:
        self._xlsx, self._pdf = xlsx or XlsxCatalogWriter(), pdf or BrandSheetPdf()

    def spreadsheet(self, products: Sequence[PricedProduct], category_titles: Mapping[str, str]) -> bytes:
        return self._xlsx.spreadsheet(products, category_titles)

    def brand_sheet(self, brands: Sequence[Brand], title: str) -> bytes:
        return self._pdf.brand_sheet(brands, title)

    def prepare_logos(self, logo_urls: Iterable[str]) -> int:
        return self._pdf.prepare_logos(logo_urls)
