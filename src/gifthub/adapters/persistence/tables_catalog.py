"""Tables of the local catalog (synced from Giftery) and commission rules."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
)

from gifthub.adapters.persistence.metadata import metadata
from gifthub.adapters.persistence.types import UtcDateTime, str_enum
from gifthub.domain.catalog import Acceptance
from gifthub.domain.money import Currency
from gifthub.domain.region import Region

brands = Table(
    "brands",
    metadata,
    Column("id", String(64), primary_key=True),  # Giftery supplier id
    Column("name", String(300), nullable=False),
    Column("logo_url", String(1000), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index("ix_brands_name", "name", "id"),
)

categories = Table(
    "categories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("code", String(100), nullable=False),
    Column("title", String(300), nullable=False),
    Column("title_en", String(300), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

products = Table(
    "products",
    metadata,
    Column("id", String(64), primary_key=True),  # Giftery product id
    Column("brand_id", String(64), ForeignKey("brands.id"), nullable=False, index=True),
    Column("brand_name", String(300), nullable=False),
    Column("title", String(500), nullable=False),
    Column("title_en", String(500), nullable=False),
    Column("region", str_enum(Region, 2), nullable=False),
    Column("currency", str_enum(Currency, 3), nullable=False),
    # The nominal rule in minor units: fixed faces as "50000,100000"; a free range as min/max/step.
    Column("nominal_fixed", Text, nullable=False),
    Column("nominal_min", BigInteger, nullable=True),
    Column("nominal_max", BigInteger, nullable=True),
    Column("nominal_step", BigInteger, nullable=True),
    # The lowest and highest face of any kind, for the nominal-range filter.
    Column("nominal_low", BigInteger, nullable=False),
    Column("nominal_high", BigInteger, nullable=False),
    Column("acceptance", str_enum(Acceptance, 8), nullable=False),
    Column("image_url", String(1000), nullable=False),
    Column("disclaimer", Text, nullable=False),
    Column("terms", Text, nullable=False),
    Column("extra", Text, nullable=False),  # JSON object of Giftery's other fields
    Column("search_text", Text, nullable=False),  # lowercased titles + brand (SQLite's lower() is ASCII-only)
    Column("fingerprint", String(64), nullable=False),  # what the last sync saw, to count real changes
    Column("active", Boolean, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("synced_at", UtcDateTime, nullable=False),
    Index("ix_products_listing", "active", "region", "title", "id"),
)

product_categories = Table(
    "product_categories",
    metadata,
    Column("product_id", String(64), ForeignKey("products.id", ondelete="CASCADE"), nullable=False),
    Column("category_id", String(64), nullable=False),  # no FK: Giftery may name a category it does not list
    PrimaryKeyConstraint("product_id", "category_id"),
    Index("ix_product_categories_category", "category_id", "product_id"),
)

commission_rules = Table(
    "commission_rules",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("scope_key", String(200), nullable=False, unique=True),
    Column("cabinet_id", Uuid, ForeignKey("cabinets.id"), nullable=False, index=True),
    Column("project_id", Uuid, ForeignKey("projects.id"), nullable=True),
    Column("brand_id", String(64), nullable=True),
    Column("product_id", String(64), nullable=True),
    Column("percent_hundredths", Integer, nullable=False),  # 250 = 2.50 %; negative = discount
    Column("updated_at", UtcDateTime, nullable=False),
)
