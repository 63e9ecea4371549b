"""Hand-written in-memory fakes of the catalog, pricing and Giftery ports."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from gifthub.application.ports.giftery_gateway import (
    CatalogSnapshot,
    CertificateCode,
    CertificateRequest,
    CertificateStatus,
    GifteryError,
    GifteryUnavailable,
    QueueStatus,
)
from gifthub.domain.catalog import Brand, Product
from gifthub.domain.pricing import NO_COMMISSION, Commission
from tests.orders.builders import product


def sample_catalog() -> FakeCatalog:
    return FakeCatalog(
        [
            product("101", fixed=(100000, 300000, 500000)),
            product("202", fixed=(), free=(50000, 5000000, 10000)),
            product("303", fixed=(100000,), active=False),
        ]
    )


class FakeCatalog:
    def __init__(self, products: Iterable[Product]) -> None:
        self.products = {p.id: p for p in products}

    async def get_product(self, product_id: str) -> Product | None:
        return self.products.get(product_id)

    async def get_products(self, product_ids: Iterable[str]) -> dict[str, Product]:
        return {i: self.products[i] for i in product_ids if i in self.products}

    async def get_brand(self, brand_id: str) -> Brand | None:
        return Brand(brand_id, "Brand")


class FakePricing:
    def __init__(self, percent: str = "0") -> None:
        self.commission = Commission(Decimal(percent)) if percent != "0" else NO_COMMISSION

    async def commission_for(self, cabinet_id: UUID, project_id: UUID | None, product: Product) -> Commission:
        return self.commission


@dataclass
class _Placed:
    request: CertificateRequest
    queue_id: str
    polls_left: int
    outcome: str  # "ok" or "error"


@dataclass
class FakeGiftery:
    """Takes orders keyed by uuid like Giftery does; can be told to refuse, fail, or time out after taking."""

    polls_before_done: int = 1
    refuse_products: set[str] = field(default_factory=set)  # makeOrder answers status: error
    fail_products: set[str] = field(default_factory=set)  # taken, then status error
    timeouts_after_taking: int = 0  # the next N make_order calls take the order and then time out
    unavailable_before_taking: int = 0  # the next N make_order calls fail before anything is taken
    delay: float = 0.0
    placed: dict[str, _Placed] = field(default_factory=dict)
    make_order_calls: list[str] = field(default_factory=list)  # uuids, in call order
    duplicate_orders: list[str] = field(default_factory=list)  # make_order for a uuid already taken

    async def make_order(self, request: CertificateRequest) -> str:
        self.make_order_calls.append(request.uuid)
        if self.unavailable_before_taking:
            self.unavailable_before_taking -= 1
            raise GifteryUnavailable("connection reset")
        if request.product_id in self.refuse_products:
            raise GifteryError(17, "Product is inactive")
        if request.uuid in self.placed:  # a second purchase attempt for the same certificate
            self.duplicate_orders.append(request.uuid)
            return self.placed[request.uuid].queue_id
        outcome = "error" if request.product_id in self.fail_products else "ok"
        queue_id = str(1000 + len(self.placed))
        self.placed[request.uuid] = _Placed(request, queue_id, self.polls_before_done, outcome)
        if self.delay:  # taken, and the answer is slow: a crash now leaves the outcome unknown to us
            await asyncio.sleep(self.delay)
        if self.timeouts_after_taking:
            self.timeouts_after_taking -= 1
            raise GifteryUnavailable("read timeout")
        return queue_id

    async def find_order(self, uuid: str, external_id: str) -> CertificateStatus | None:
        placed = self.placed.get(uuid)
        return None if placed is None else self._status(placed)

    def _status(self, placed: _Placed) -> CertificateStatus:
        if placed.polls_left > 0:
            return CertificateStatus(placed.queue_id, QueueStatus.PENDING, external_id=placed.request.external_id)
        if placed.outcome == "error":
            return CertificateStatus(
                placed.queue_id, QueueStatus.ERROR, error_code=42, error_text="Supplier rejected the order"
            )
        return CertificateStatus(
            placed.queue_id, QueueStatus.OK, order_id="o" + placed.queue_id, face=placed.request.face
        )

    async def get_status(self, queue_id: str) -> CertificateStatus:
        placed = next(p for p in self.placed.values() if p.queue_id == queue_id)
        status = self._status(placed)
        placed.polls_left -= 1
        return status

    async def get_code(self, queue_id: str) -> CertificateCode:
        return CertificateCode(code=f"CODE-{queue_id}", pin="1234", download_url=f"https://giftery.test/c/{queue_id}")

    async def get_certificate_pdf(self, queue_id: str) -> bytes:
        return b"%PDF-1.4 fake " + queue_id.encode()

    async def get_balance(self) -> int:
        return 1_000_000

    async def fetch_catalog(self) -> CatalogSnapshot:
        return CatalogSnapshot()

    def orders_per_uuid(self) -> dict[str, int]:
        return {uuid: 1 for uuid in self.placed}
