"""Stand-ins for the catalog, pricing and Giftery ports until the catalog capability provides them.

Listed first in the composition root, so the real providers (listed later) override them.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from gifthub.application.ports.giftery_gateway import (
    CatalogSnapshot,
    CertificateCode,
    CertificateRequest,
    CertificateStatus,
    GifteryUnavailable,
)
from gifthub.domain.catalog import Brand, Product
from gifthub.domain.pricing import NO_COMMISSION, Commission


class EmptyCatalog:
    async def get_product(self, product_id: str) -> Product | None:
        return None

    async def get_products(self, product_ids: Iterable[str]) -> dict[str, Product]:
        return {}

    async def get_brand(self, brand_id: str) -> Brand | None:
        return None


class NoCommission:
    async def commission_for(self, cabinet_id: UUID, project_id: UUID | None, product: Product) -> Commission:
        return NO_COMMISSION


class UnconfiguredGiftery:
    """Every call is 'unavailable': nothing is ever bought, the worker keeps certificates pending."""

    async def make_order(self, request: CertificateRequest) -> str:
        raise GifteryUnavailable("no Giftery gateway is configured")

    async def find_order(self, uuid: str, external_id: str) -> CertificateStatus | None:
        raise GifteryUnavailable("no Giftery gateway is configured")

    async def get_status(self, queue_id: str) -> CertificateStatus:
        raise GifteryUnavailable("no Giftery gateway is configured")

    async def get_code(self, queue_id: str) -> CertificateCode:
        raise GifteryUnavailable("no Giftery gateway is configured")

    async def get_certificate_pdf(self, queue_id: str) -> bytes:
        raise GifteryUnavailable("no Giftery gateway is configured")

    async def get_balance(self) -> int:
        raise GifteryUnavailable("no Giftery gateway is configured")

    async def fetch_catalog(self) -> CatalogSnapshot:
        raise GifteryUnavailable("no Giftery gateway is configured")
