"""Products to rows and back (the catalog is a synced read copy: Core rows, no unit-of-work tracking)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from gifthub.domain.catalog import Acceptance, NominalRule, Product
from gifthub.domain.region import Region


def product_row(product: Product, at: datetime) -> dict[str, Any]:
    rule = product.nominals
    faces = list(rule.fixed) + [v for v in (rule.minimum, rule.maximum) if v is not None]
    row: dict[str, Any] = {
        "id": product.id,
        "brand_id": product.brand_id,
        "brand_name": product.brand_name or product.title,
        "title": product.title,
        "title_en": product.title_en,
        "region": product.region,
        "currency": product.currency,
        "nominal_fixed": ",".join(str(face) for face in rule.fixed),
        "nominal_min": rule.minimum,
        "nominal_max": rule.maximum,
        "nominal_step": rule.step,
        "nominal_low": min(faces),
        "nominal_high": max(faces),
        "acceptance": product.acceptance,
        "image_url": product.image_url,
        "disclaimer": product.disclaimer,
        "terms": product.terms,
        "extra": json.dumps(product.extra, sort_keys=True, ensure_ascii=False),
        "search_text": " ".join((product.title, product.title_en, product.brand_name)).lower(),
        "active": product.active,
    }
    row["fingerprint"] = _fingerprint(row, product.category_ids)
    row["updated_at"] = at
    row["synced_at"] = at
    return row


def _fingerprint(row: dict[str, Any], category_ids: tuple[str, ...]) -> str:
    material = json.dumps([{k: str(v) for k, v in sorted(row.items())}, sorted(category_ids)], ensure_ascii=False)
    return hashlib.sha256(material.encode()).hexdigest()


def product_of(row: Any, category_ids: tuple[str, ...]) -> Product:
    fixed = tuple(int(face) for face in row.nominal_fixed.split(",") if face)
    return Product(
        id=row.id,
        brand_id=row.brand_id,
        title=row.title,
        title_en=row.title_en,
        region=Region(row.region),
        nominals=NominalRule(fixed=fixed, minimum=row.nominal_min, maximum=row.nominal_max, step=row.nominal_step),
        acceptance=Acceptance(row.acceptance),
        category_ids=category_ids,
        image_url=row.image_url,
        disclaimer=row.disclaimer,
        terms=row.terms,
        active=bool(row.active),
        updated_at=row.updated_at,
        brand_name=row.brand_name,
        extra=json.loads(row.extra or "{}"),
    )
