"""A deterministic, realistic sandbox catalog: >= 200 products of fictional brands in RU, KZ and BY.

Replies deliberately vary their shapes the way Giftery's do (numbers as strings, the older ``image_url``,
free nominals as ``faces`` with a 0), so the client's tolerance is exercised on every sync.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

CATEGORIES = [
    ("1", "electronics", "Электроника", "Electronics"),
    ("2", "fashion", "Одежда и обувь", "Fashion"),
    ("3", "beauty", "Красота", "Beauty"),
    ("4", "sport", "Спорт", "Sports"),
    ("5", "books", "Книги", "Books"),
    ("6", "kids", "Детские товары", "Kids"),
    ("7", "food", "Продукты и рестораны", "Food and restaurants"),
    ("8", "travel", "Путешествия", "Travel"),
    ("9", "home", "Дом и сад", "Home and garden"),
    ("10", "fun", "Развлечения", "Entertainment"),
    ("11", "auto", "Авто", "Auto"),
    ("12", "health", "Здоровье", "Health"),
]

_STEMS = [
    ("Гигабайт", "Gigabyte Store", "1"),
    ("Модный квартал", "Fashion Quarter", "2"),
    ("Лепесток", "Lepestok Beauty", "3"),
    ("Спорт-Профи", "Sport Pro", "4"),
    ("Книжная полка", "Bookshelf", "5"),
    ("Карапуз", "Karapuz Kids", "6"),
    ("Вкусный дом", "Tasty House", "7"),
    ("Крылья", "Wings Travel", "8"),
    ("Уютный дом", "Cosy Home", "9"),
    ("Кинопарк", "Cinepark", "10"),
    ("Автомир", "Automir", "11"),
    ("Аптека Здоровье", "Health Pharmacy", "12"),
    ("Техноград", "Technograd", "1"),
    ("Стиль", "Style", "2"),
    ("Ароматы", "Aromaty", "3"),
    ("Вершина", "Summit Outdoor", "4"),
    ("Читай-город-сад", "Read Garden", "5"),
    ("Игрушкин", "Toyland", "6"),
    ("Кофейня на углу", "Corner Coffee", "7"),
    ("Дорога", "Road Trips", "8"),
    ("Мастерская", "Workshop", "9"),
    ("Квест-Хаус", "Quest House", "10"),
    ("Шиномонтаж Плюс", "Tyre Plus", "11"),
    ("Фитнес Лайф", "Fitness Life", "12"),
    ("Смарт-Маркет", "Smart Market", "1"),
    ("Северный ветер", "North Wind", "2"),
    ("Белая лилия", "White Lily", "3"),
    ("Велодром", "Velodrome", "4"),
    ("Букварь", "Primer Books", "5"),
    ("Маленький гений", "Little Genius", "6"),
    ("Пекарня Хлебница", "Breadbox Bakery", "7"),
    ("Горизонт", "Horizon Tours", "8"),
    ("Светлица", "Svetlitsa Decor", "9"),
    ("Концертный зал", "Concert Hall", "10"),
    ("Мотор", "Motor", "11"),
    ("Спа-Оазис", "Spa Oasis", "12"),
    ("Цифровой мир", "Digital World", "1"),
    ("Джинсовый рай", "Denim Heaven", "2"),
    ("Изумруд", "Emerald Jewellery", "3"),
    ("Теннисный клуб", "Tennis Club", "4"),
]

_VARIANTS = [
    ("электронный подарочный сертификат", "e-gift certificate", "fixed"),
    ("сертификат с произвольным номиналом", "free-amount certificate", "free"),
    ("подарочная карта", "gift card", "both"),
]

# Per region: how many brands, fixed faces, and a free range (min, max, step), all in whole units.
_REGIONS = {
    "ru": (40, [500, 1000, 2000, 3000, 5000, 10000], (500, 50000, 100)),
    "kz": (20, [2000, 5000, 10000, 20000, 50000], (1000, 200000, 1000)),
    "by": (16, [20, 50, 100, 200, 500], (10, 1000, 5)),
}
_CITY = {"ru": "", "kz": " Казахстан", "by": " Беларусь"}
_ACCEPTANCE = ["online", "offline", "both", "exchange"]
_COLORS = ["#e63946", "#457b9d", "#2a9d8f", "#f4a261", "#6d597a", "#1d3557", "#e76f51", "#588157"]


@dataclass(frozen=True)
class SandboxBrand:
    id: str
    name: str
    name_en: str
    color: str


@dataclass
class SandboxCatalog:
    categories: list[dict[str, Any]]
    products: dict[str, dict[str, Any]]
    brands: dict[str, SandboxBrand]

    def image_path(self, brand_id: str) -> str:
        return f"/images/{brand_id}.svg"


def build_catalog(seed: int = 2026) -> SandboxCatalog:
    rng = random.Random(seed)
    brands: dict[str, SandboxBrand] = {}
    products: dict[str, dict[str, Any]] = {}
    product_number = 1000
    for region, (count, faces, (low, high, step)) in _REGIONS.items():
        for index in range(count):
            stem, stem_en, category = _STEMS[index % len(_STEMS)]
            supplier_id = str(len(brands) + 1)
            name = stem + _CITY[region]
            brands[supplier_id] = SandboxBrand(supplier_id, name, stem_en, _COLORS[len(brands) % len(_COLORS)])
            for variant, variant_en, kind in _VARIANTS:
                product_number += 1
                chosen = sorted(rng.sample(faces, k=rng.randint(2, len(faces))))
                product_faces = {"fixed": chosen, "free": [0], "both": [0, *chosen[:2]]}[kind]
                products[str(product_number)] = _product(
                    rng,
                    product_number,
                    region,
                    brands[supplier_id],
                    category,
                    variant,
                    variant_en,
                    product_faces,
                    (low, high, step),
                )
    return SandboxCatalog(
        categories=[
            {
                "id": cid,
                "code": code,
                "title": title,
                "title_en": title_en,
                "type": "product",
                "active": 1,
                "sort": int(cid) * 10,
                "region": "ru",
                "products_count": sum(1 for p in products.values() if cid in [str(c) for c in p["categories"]]),
            }
            for cid, code, title, title_en in CATEGORIES
        ],
        products=products,
        brands=brands,
    )


def _product(rng, number, region, brand, category, variant, variant_en, faces, free) -> dict[str, Any]:
    low, high, step = free
    stringly = number % 3 == 0  # some replies carry numbers as strings, as Giftery's do
    show = str if stringly else (lambda value: value)
    extra_category = str(rng.randint(1, len(CATEGORIES)))
    product: dict[str, Any] = {
        "id": show(number),
        "title": f"{brand.name}: {variant}",
        "title_en": f"{brand.name_en}: {variant_en}",
        "url": f"https://example.invalid/{brand.name_en.lower().replace(' ', '-')}",
        "brief": f"SANDBOX (testmode): a test certificate of {brand.name_en}; nothing real is bought.",
        "supplier_id": show(int(brand.id)),
        "supplier_name": brand.name,
        "region": region,
        "code": f"SBX_{number}",
        "categories": sorted({category, extra_category}, key=int),
        "faces": [show(face) for face in faces],
        "face_step": show(step),
        "face_min": show(low),
        "face_max": show(high),
        "digital_acceptance": _ACCEPTANCE[number % len(_ACCEPTANCE)],
        "is_merchant_cert": show(number % 2),
        "certificates_in_one_purchase": show(1),
        "activation_delay": show(0),
        "disclaimer": f"<p><b>Sandbox.</b> Valid 12 months. Accepted by {brand.name_en} only.</p>",
        "catalog_comment": "SANDBOX",
        "face_multiplier": show(1),
    }
    image = f"{{base}}/images/{brand.id}.svg"
    if number % 5 == 0:
        product["image_url"] = image  # the older shape
    else:
        product["main_image"] = {"small": image, "medium": image, "large": image}
    return product
