"""Turn line inputs into order lines: product from the local catalog, price with the client's commission.

Reading the catalog and the prices takes connections of their own, so it happens in ``read`` before the
use case locks its project; ``build`` then works from what was read, on no connection at all. A use case
that held the project's lock while waiting for another pooled connection would, under load, hold every
connection of the pool with waiters and stall the whole process."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from uuid import UUID

from gifthub.application.ordering.commands import LineInput
from gifthub.application.ordering.errors import UnknownProduct
from gifthub.application.ports.catalog_reader import CatalogReader
from gifthub.application.ports.pricing_reader import PricingReader
from gifthub.domain.catalog import Product
from gifthub.domain.money import Money
from gifthub.domain.order_errors import InvalidOrder
from gifthub.domain.order_line import OrderLine, Recipient
from gifthub.domain.pricing import Commission
from gifthub.domain.project import Project


@dataclass(frozen=True)
class PricedCatalog:
    """The products a request names and the client's commission on each, read before any lock."""

    products: dict[str, Product] = field(default_factory=dict)
    commissions: dict[str, Commission] = field(default_factory=dict)


class LineBuilder:
    def __init__(self, catalog: CatalogReader, pricing: PricingReader) -> None:
        self._catalog, self._pricing = catalog, pricing
        self._commissions: dict[str, Commission] = {}

    async def products(self, product_ids: Sequence[str]) -> dict[str, Product]:
        return await self._catalog.get_products(sorted(set(product_ids)))

    async def commission(self, project: Project, product: Product) -> Commission:
        if product.id not in self._commissions:
            self._commissions[product.id] = await self._pricing.commission_for(project.cabinet_id, project.id, product)
        return self._commissions[product.id]

    async def read(self, project: Project, inputs: Sequence[LineInput]) -> PricedCatalog:
        """Call with no unit of work open: each read takes (and gives back) a connection of its own."""
        products = await self.products([str(i.product_id).strip() for i in inputs])
        commissions = {p.id: await self.commission(project, p) for p in products.values()}
        return PricedCatalog(products, commissions)


def build_lines(
    project: Project,
    inputs: Sequence[LineInput],
    priced: PricedCatalog,
    new_id: Callable[[], UUID],
    *,
    prefix: str = "lines",
) -> list[OrderLine]:
    lines = []
    for index, item in enumerate(inputs):
        field = f"{prefix}[{index}]"
        product = priced.products.get(str(item.product_id).strip())
        if product is None:
            raise UnknownProduct(f"product {item.product_id!r} is not in the catalog", field=f"{field}.product_id")
        if product.region is not project.region:
            raise InvalidOrder(
                f"product {product.id} is sold in {product.region}, the project in {project.region}",
                field=f"{field}.product_id",
            )
        nominals = [Money.parse(item.nominal, project.currency, field=f"{field}.nominal")]
        nominals += [
            Money.parse(text, project.currency, field=f"{field}.additional_nominals[{n}]")
            for n, text in enumerate(item.additional_nominals)
        ]
        recipients = [
            Recipient.create(
                name=r.name,
                email=r.email,
                phone=r.phone,
                message=r.message,
                channel=r.channel,
                field=f"{field}.recipients[{n}]",
            )
            for n, r in enumerate(item.recipients)
        ]
        commission = priced.commissions[product.id]
        lines.append(
            OrderLine.create(
                new_id(), product, nominals, item.quantity, commission, recipients, item.scheduled_at, field=field
            )
        )
    return lines
