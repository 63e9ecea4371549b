"""Turn line inputs into order lines: product from the local catalog, price with the client's commission."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

    async def build(
        self, project: Project, inputs: Sequence[LineInput], new_id: Callable[[], UUID], *, prefix: str = "lines"
    ) -> list[OrderLine]:
        products = await self.products([i.product_id for i in inputs])
        lines = []
        for index, item in enumerate(inputs):
            field = f"{prefix}[{index}]"
            product = products.get(str(item.product_id).strip())
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
            commission = await self.commission(project, product)
            lines.append(
                OrderLine.create(
                    new_id(), product, nominals, item.quantity, commission, recipients, item.scheduled_at, field=field
                )
            )
        return lines
