"""Order lines as one JSON document: a draft is edited as a whole and read with its order."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from uuid import UUID

import msgspec
from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator

from gifthub.domain.money import Currency, Money
from gifthub.domain.order_line import DeliveryChannel, OrderLine, ProductSnapshot, Recipient
from gifthub.domain.pricing import Commission


def _line_to_dict(line: OrderLine) -> dict:
    product = line.product
    return {
        "id": str(line.id),
        "product": {
            "id": product.product_id,
            "name": product.name,
            "currency": product.currency.value,
            "image_url": product.image_url,
            "terms": product.terms,
        },
        "nominals": [n.minor for n in line.nominals],
        "quantity": line.quantity,
        "commission": str(line.commission.percent),
        # Compact rows: an XLSX order may carry tens of thousands of recipients. msgspec writes the
        # channel enum as its value in C; Enum.value per recipient was a visible share of an upload.
        "recipients": [(r.name, r.email, r.phone, r.message, r.channel) for r in line.recipients],
        "scheduled_at": line.scheduled_at.isoformat() if line.scheduled_at else None,
    }


def _line_from_dict(raw: dict) -> OrderLine:
    product = raw["product"]
    currency = Currency(product["currency"])
    return OrderLine(
        id=UUID(raw["id"]),
        product=ProductSnapshot(product["id"], product["name"], currency, product["image_url"], product["terms"]),
        nominals=tuple(Money(minor, currency) for minor in raw["nominals"]),
        quantity=raw["quantity"],
        commission=Commission(Decimal(raw["commission"])),
        recipients=tuple(Recipient(n, e, p, m, DeliveryChannel(c)) for n, e, p, m, c in raw["recipients"]),
        scheduled_at=datetime.fromisoformat(raw["scheduled_at"]) if raw["scheduled_at"] else None,
    )


class OrderLinesJson(TypeDecorator[list]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[OrderLine] | None, dialect) -> str | None:
        if value is None:
            return None
        return msgspec.json.encode([_line_to_dict(line) for line in value]).decode()

    def process_result_value(self, value: str | None, dialect) -> list[OrderLine] | None:
        if value is None:
            return None
        return [_line_from_dict(raw) for raw in msgspec.json.decode(value)]
