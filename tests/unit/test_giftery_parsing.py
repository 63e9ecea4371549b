"""Giftery's product shapes vary: numbers as strings, older image fields, free nominals as a 0 in faces."""

from __future__ import annotations

import hashlib

from gifthub.adapters.giftery import parsing
from gifthub.adapters.giftery.protocol import encode_data, sign
from gifthub.application.ports.giftery_gateway import QueueStatus
from gifthub.domain.catalog import Acceptance, NominalRule
from gifthub.domain.money import Currency, Money
from gifthub.domain.region import Region


def test_fixed_faces_as_strings_become_minor_units():
    product = parsing.product({"id": "77", "title": "Cinema", "region": "ru", "faces": ["500", "1000", " 2 000 "]})
    assert product is not None
    assert product.nominals == NominalRule(fixed=(50000, 100000, 200000))
    assert product.region is Region.RU and product.acceptance is Acceptance.BOTH and product.active


def test_a_zero_face_means_a_free_nominal_with_bounds_and_step():
    raw = {
        "id": 5,
        "title": "Books",
        "region": "KZ",
        "faces": [0, 1000],
        "face_min": "1000",
        "face_max": 50000,
        "face_step": "500",
        "digital_acceptance": "online",
        "image_url": "http://img/x.png",
    }
    product = parsing.product(raw)
    assert product is not None and product.region is Region.KZ and product.currency is Currency.KZT
    rule = product.nominals
    assert (rule.fixed, rule.minimum, rule.maximum, rule.step) == ((100000,), 100000, 5000000, 50000)
    assert rule.allows(Money(150000, Currency.KZT)) and not rule.allows(Money(120000, Currency.KZT))
    assert product.acceptance is Acceptance.ONLINE and product.image_url == "http://img/x.png"


def test_main_image_is_preferred_and_odd_fields_are_tolerated():
    raw = {
        "id": "9",
        "title": "Shop",
        "faces": "100,200",
        "main_image": {"small": "s", "medium": "m"},
        "digital_acceptance": "shop",
        "supplier_id": "12",
        "supplier_name": "Shop Inc",
        "categories": ["3", 4],
        "active": "0",
        "disclaimer": "<b>terms</b>",
        "is_merchant_cert": "1",
    }
    product = parsing.product(raw)
    assert product is not None
    assert product.image_url == "m" and product.acceptance is Acceptance.OFFLINE
    assert product.brand_id == "12" and product.brand_name == "Shop Inc" and product.category_ids == ("3", "4")
    assert product.active is False and product.region is Region.RU
    assert product.extra["is_merchant_cert"] == "1"


def test_unsellable_products_are_skipped():
    assert parsing.product({"title": "no id", "faces": [100]}) is None
    assert parsing.product({"id": 1, "title": "Kyiv", "region": "ua", "faces": [100]}) is None
    assert parsing.product({"id": 1, "title": "free without bounds", "faces": [0]}) is None
    assert parsing.product({"id": 1, "title": "no faces"}) is None


def test_list_replies_bare_wrapped_or_keyed():
    assert parsing.items([{"id": 1}, "junk"]) == [{"id": 1}]
    assert parsing.items({"products": [{"id": 2}]}, "products") == [{"id": 2}]
    assert parsing.items({"3": {"id": 3}}) == [{"id": 3}]


def test_status_mapping_and_signature():
    assert parsing.status({"status": "queued", "id": "12"}).status is QueueStatus.PENDING
    failed = parsing.status({"status": "error", "id": 12, "error_code": "40", "error_text": "no"})
    assert (failed.status, failed.queue_id, failed.error_code) == (QueueStatus.ERROR, "12", 40)
    data = encode_data({"id": 1})
    assert data == '{"id":1}'
    assert sign("getStatus", data, "s") == hashlib.sha256(b'getStatus{"id":1}s').hexdigest()


def test_disclaimers_keep_formatting_and_lose_scripts():
    raw = (
        '<p onclick="x()">Valid <b>12</b> months<script>alert(1)</script></p>'
        '<a href="javascript:evil()">bad</a><a href="https://shop.example/terms">terms</a><img src=x onerror=y><i>open'
    )
    product = parsing.product({"id": 1, "title": "T", "faces": [100], "disclaimer": raw})
    assert product is not None
    assert product.disclaimer == (
        "<p>Valid <b>12</b> months</p><a>bad</a>"
        '<a href="https://shop.example/terms" rel="noopener noreferrer nofollow">terms</a><i>open</i>'
    )
