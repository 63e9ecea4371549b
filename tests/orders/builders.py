"""Small builders shared by the order tests."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from uuid import UUID, uuid4

from gifthub.domain.catalog import Acceptance, NominalRule, Product
from gifthub.domain.money import Currency, Money
from gifthub.domain.order import Order
from gifthub.domain.order_line import OrderLine, Recipient
from gifthub.domain.pricing import Commission
from gifthub.domain.region import Region

NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def rub(text: str) -> Money:
    return Money.parse(text, Currency.RUB)


def product(product_id: str = "101", *, fixed=(100000, 300000), free=None, region=Region.RU, active=True) -> Product:
    minimum, maximum, step = free if free else (None, None, None)
    return Product(
        id=product_id,
        brand_id="b1",
        title=f"Gift card {product_id}",
        title_en=f"Gift card {product_id}",
        region=region,
        nominals=NominalRule(fixed=tuple(fixed), minimum=minimum, maximum=maximum, step=step),
        acceptance=Acceptance.BOTH,
        image_url=f"https://img.example/{product_id}.png",
        terms="Valid 12 months",
        active=active,
    )


def line(p: Product | None = None, nominals=("1000.00",), quantity=1, recipients=(), percent="0") -> OrderLine:
    p = p or product()
    return OrderLine.create(
        uuid4(), p, [rub(n) for n in nominals], quantity, Commission(Decimal(percent)), list(recipients)
    )


def recipient(email: str = "anna@example.com", name: str = "Anna") -> Recipient:
    return Recipient.create(name=name, email=email)


def draft(project_id: UUID | None = None, cabinet_id: UUID | None = None) -> Order:
    return Order.draft(uuid4(), project_id or uuid4(), cabinet_id or uuid4(), Currency.RUB, "user:1", NOW)
