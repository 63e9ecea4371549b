"""Tolerant reading of Giftery's replies: numbers arrive as strings, fields go missing, shapes drift."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from gifthub.adapters.giftery.html import sanitize_html
from gifthub.application.ports.giftery_gateway import CertificateStatus, QueueStatus
from gifthub.domain.catalog import Acceptance, Category, NominalRule, Product
from gifthub.domain.region import Region

log = logging.getLogger("gifthub.giftery")

MINOR_PER_UNIT = 100  # faces are whole units of RUB/KZT/BYN; every currency here has two decimals

_ONLINE = {"online", "web", "site", "internet", "digital", "ecommerce"}
_OFFLINE = {"offline", "shop", "store", "stores", "retail", "pos"}
_BOTH = {"both", "all", "any", "online_offline", "omni", "exchange"}  # exchange: traded for the merchant's own card


def as_int(value: Any) -> int | None:
    """1000, "1000", "1000.00" and " 1 000 " are all 1000; anything else is None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        number = Decimal(str(value).replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite() or number != number.to_integral_value():
        return None
    return int(number)


def as_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _int_list(value: Any) -> list[int]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [part for part in value.replace(";", ",").split(",") if part.strip()]
    if not isinstance(value, Iterable) or isinstance(value, dict):
        value = [value]
    faces = [as_int(item) for item in value]
    return [face for face in faces if face is not None]


def nominal_rule(raw: dict[str, Any]) -> NominalRule:
    """``faces`` in whole units; a 0 among them means a free nominal between face_min and face_max."""
    faces = _int_list(raw.get("faces"))
    fixed = tuple(sorted({face * MINOR_PER_UNIT for face in faces if face > 0}))
    if 0 not in faces:
        return NominalRule(fixed=fixed)
    low, high = as_int(raw.get("face_min")), as_int(raw.get("face_max"))
    step = as_int(raw.get("face_step")) or 1
    if low is None or high is None or low <= 0 or high < low:
        return NominalRule(fixed=fixed)  # a free range without bounds cannot be offered
    return NominalRule(
        fixed=fixed, minimum=low * MINOR_PER_UNIT, maximum=high * MINOR_PER_UNIT, step=step * MINOR_PER_UNIT
    )


def acceptance(raw: dict[str, Any]) -> Acceptance:
    online = raw.get("is_online")
    offline = raw.get("is_offline")
    if online is not None or offline is not None:
        on, off = bool(as_int(online)), bool(as_int(offline))
        if on and not off:
            return Acceptance.ONLINE
        if off and not on:
            return Acceptance.OFFLINE
    value = as_text(raw.get("digital_acceptance") or raw.get("acceptance")).lower()
    if value in _ONLINE:
        return Acceptance.ONLINE
    if value in _OFFLINE:
        return Acceptance.OFFLINE
    return Acceptance.BOTH  # unknown or missing: do not hide the product from either kind of buyer


def image_url(raw: dict[str, Any]) -> str:
    main = raw.get("main_image")
    if isinstance(main, dict):
        for size in ("medium", "large", "small"):
            if as_text(main.get(size)):
                return as_text(main[size])
    elif isinstance(main, str) and main.strip():
        return main.strip()
    return as_text(raw.get("image_url"))


_EXTRA_FIELDS = (
    "url",
    "code",
    "supplier_id",
    "is_merchant_cert",
    "certificates_in_one_purchase",
    "activation_delay",
    "catalog_comment",
    "face_multiplier",
)


def product(raw: dict[str, Any]) -> Product | None:
    """None (and a log line) for a product we cannot sell: no id, no title, unknown region, no nominal."""
    product_id = as_text(raw.get("id"))
    title = as_text(raw.get("title"))
    if not product_id or not title:
        log.warning("Giftery product without id or title skipped: %r", product_id or title)
        return None
    try:
        region = Region(as_text(raw.get("region") or "ru").upper())
    except ValueError:
        log.info("Giftery product %s skipped: region %r is not sold here", product_id, raw.get("region"))
        return None
    rule = nominal_rule(raw)
    if not rule.fixed and not rule.is_free:
        log.warning("Giftery product %s skipped: no usable nominal", product_id)
        return None
    brand_id = as_text(raw.get("supplier_id")) or f"product-{product_id}"
    categories = tuple(str(c) for c in _int_list(raw.get("categories")))
    flag = as_int(raw.get("active"))
    return Product(
        id=product_id,
        brand_id=brand_id,
        title=title,
        title_en=as_text(raw.get("title_en")) or title,
        region=region,
        nominals=rule,
        acceptance=acceptance(raw),
        category_ids=categories,
        image_url=image_url(raw),
        disclaimer=sanitize_html(as_text(raw.get("disclaimer"))),
        terms=as_text(raw.get("brief")),
        active=flag is None or flag != 0,
        brand_name=as_text(raw.get("supplier_name") or raw.get("brand")) or title,
        extra={name: as_text(raw[name]) for name in _EXTRA_FIELDS if raw.get(name) not in (None, "")},
    )


def category(raw: dict[str, Any]) -> Category | None:
    category_id = as_text(raw.get("id"))
    title = as_text(raw.get("title"))
    if not category_id or not title:
        return None
    if raw.get("active") is not None and as_int(raw.get("active")) == 0:
        return None
    return Category(
        id=category_id,
        code=as_text(raw.get("code")) or category_id,
        title=title,
        title_en=as_text(raw.get("title_en")) or title,
    )


def items(data: Any, *keys: str) -> list[dict[str, Any]]:
    """A list reply may come bare or wrapped (``{"products": [...]}``), or keyed by id."""
    if isinstance(data, dict):
        for key in keys:
            if key in data:
                return items(data[key])
        return [v for v in data.values() if isinstance(v, dict)]
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    return []


def status(data: Any, queue_id: str = "") -> CertificateStatus:
    raw = data if isinstance(data, dict) else {}
    text = as_text(raw.get("status")).lower()
    state = {"ok": QueueStatus.OK, "error": QueueStatus.ERROR}.get(text, QueueStatus.PENDING)
    return CertificateStatus(
        queue_id=as_text(raw.get("id")) or queue_id,
        status=state,
        order_id=as_text(raw.get("order_id")) or None,
        external_id=as_text(raw.get("external_id")) or None,
        face=as_int(raw.get("face")),
        expire_date=as_text(raw.get("expire_date")) or None,
        error_code=as_int(raw.get("error_code")),
        error_text=as_text(raw.get("error_text")) or None,
    )
